using System.Text.Json;
using HyperMM.LocalExchange.Tests.Support;

namespace HyperMM.LocalExchange.Tests.Server;

/// <summary>
/// Wire fidelity of /exchange with the literal JSON a client for the real venue sends (PROTOCOL §2, §3.4):
/// FrontendMarket orders, isolated leverage, and the signer recovered over the action's strings exactly as sent.
/// ETH is asset 1 (szDecimals 4); the scripted book is bids 2999.9 … 2999.5 and asks 3000.1 … 3000.5, 5 ETH each.
/// </summary>
public sealed class WireActionsTests : IAsyncLifetime
{
    private TestVenue _v = null!;

    public async Task InitializeAsync() => _v = await TestVenue.StartAsync();

    public async Task DisposeAsync() => await _v.DisposeAsync();

    private static JsonElement Status(JsonElement answer) => answer.GetProperty("response").GetProperty("data").GetProperty("statuses")[0];

    private static string OrderJson(string price, string size, string tif, bool buy = true) =>
        "{\"type\":\"order\",\"orders\":[{\"a\":1,\"b\":" + (buy ? "true" : "false") + ",\"p\":\"" + price + "\",\"s\":\"" + size
        + "\",\"r\":false,\"t\":{\"limit\":{\"tif\":\"" + tif + "\"}}}],\"grouping\":\"na\"}";

    [Fact]
    public async Task FrontendMarket_TakesLiquidityLikeIoc_NeverRests_AndReadsBackItsTif()
    {
        // the web UI's market buy: limit 3150 (5 % slippage over the ask), 0.01 ETH → fills at the ask 3000.1
        var answer = await _v.PostLiteralAsync(OrderJson("3150", "0.01", "FrontendMarket"));
        Assert.Equal("ok", answer.GetProperty("status").GetString());
        var filled = Status(answer).GetProperty("filled");
        Assert.Equal("0.01", filled.GetProperty("totalSz").GetString());
        Assert.Equal(3000.1m, decimal.Parse(filled.GetProperty("avgPx").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var oid = filled.GetProperty("oid").GetInt64();

        var status = await _v.InfoAsync($$"""{"type":"orderStatus","user":"{{_v.Account.Master.Hex}}","oid":{{oid}}}""");
        Assert.Equal("filled", status.GetProperty("order").GetProperty("status").GetString());
        Assert.Equal("FrontendMarket", status.GetProperty("order").GetProperty("order").GetProperty("tif").GetString());

        // nothing to take at or below 2900: cancelled as an IOC is, nothing rests
        var none = await _v.PostLiteralAsync(OrderJson("2900", "0.01", "FrontendMarket"));
        Assert.StartsWith("Order could not immediately match against any resting orders.", Status(none).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await _v.InfoAsync("frontendOpenOrders", _v.Account.Master.Hex)).GetArrayLength());
    }

    [Fact]
    public async Task UpdateLeverage_IsCrossFalse_ReadsBackIsolated_WithRawUsd_AndCannotSwitchWithAPosition()
    {
        var set = await _v.PostLiteralAsync("""{"type":"updateLeverage","asset":1,"isCross":false,"leverage":5}""");
        Assert.Equal("ok", set.GetProperty("status").GetString());
        var active = await _v.InfoAsync($$"""{"type":"activeAssetData","user":"{{_v.Account.Master.Hex}}","coin":"ETH"}""");
        Assert.Equal("isolated", active.GetProperty("leverage").GetProperty("type").GetString());
        Assert.Equal(5, active.GetProperty("leverage").GetProperty("value").GetInt32());

        // buy 0.1 ETH at the ask 3000.1 → an isolated long
        Assert.True(Status(await _v.PostLiteralAsync(OrderJson("3000.1", "0.1", "Ioc"))).TryGetProperty("filled", out _));
        var state = await _v.InfoAsync("clearinghouseState", _v.Account.Master.Hex);
        var position = state.GetProperty("assetPositions")[0].GetProperty("position");
        var leverage = position.GetProperty("leverage");
        Assert.Equal("isolated", leverage.GetProperty("type").GetString());
        Assert.Equal(5, leverage.GetProperty("value").GetInt32());
        // rawUsd = marginUsed − positionValue for a long (PROTOCOL §1.4's recorded isolated position obeys it too)
        var marginUsed = Dec(position, "marginUsed");
        var positionValue = Dec(position, "positionValue");
        Assert.Equal(marginUsed - positionValue, Dec(leverage, "rawUsd"));
        // mark = mid 3000.0 (the 3000.1 ask keeps 4.9 ETH after the fill): 0.1 × 3000 / 5 = 60
        Assert.Equal(60m, marginUsed);

        var back = await _v.PostLiteralAsync("""{"type":"updateLeverage","asset":1,"isCross":true,"leverage":5}""");
        Assert.Equal("err", back.GetProperty("status").GetString());
        Assert.Equal("Cannot switch leverage type with open position.", back.GetProperty("response").GetString());
    }

    [Theory]
    [InlineData("3000.0")] // trailing zero
    [InlineData("+3000")] // explicit sign
    [InlineData("03000")] // leading zero
    public async Task Signer_IsRecoveredOverThePriceAsSent_ACanonicalSignatureOnAnotherFormFails(string sentPrice)
    {
        // signed over the canonical "3000", sent as another spelling of the same number: the venue hashes what it
        // received, recovers some other address and refuses it (PROTOCOL §3.4, §3.8 point 2)
        var answer = await _v.PostLiteralAsync(OrderJson("3000", "0.01", "Alo", buy: true), OrderJson(sentPrice, "0.01", "Alo", buy: true));
        Assert.Equal("err", answer.GetProperty("status").GetString());
        var text = answer.GetProperty("response").GetString()!;
        Assert.StartsWith("User or API Wallet 0x", text, StringComparison.Ordinal);
        Assert.DoesNotContain(_v.Account.Agent.Hex, text, StringComparison.Ordinal);
        Assert.Equal(0, (await _v.InfoAsync("openOrders", _v.Account.Master.Hex)).GetArrayLength());
    }

    [Fact]
    public async Task Signer_OverTheSameNonCanonicalStringsThatAreSent_IsAccepted()
    {
        // a client that formats "3000.0" / "0.0100" and signs exactly those strings is the signer the venue sees
        var answer = await _v.PostLiteralAsync(OrderJson("3000.0", "0.0100", "Alo"));
        Assert.Equal("ok", answer.GetProperty("status").GetString());
        Assert.True(Status(answer).TryGetProperty("resting", out _));
    }

    [Fact]
    public async Task Signer_KeyOrderInTheBodyDoesNotMatter_TheVenueHashesItsOwnFieldOrder()
    {
        const string signed = """{"type":"order","orders":[{"a":1,"b":true,"p":"2999","s":"0.01","r":false,"t":{"limit":{"tif":"Alo"}}}],"grouping":"na"}""";
        const string shuffled = """{"grouping":"na","orders":[{"t":{"limit":{"tif":"Alo"}},"s":"0.01","r":false,"p":"2999","b":true,"a":1}],"type":"order"}""";
        var answer = await _v.PostLiteralAsync(signed, shuffled);
        Assert.Equal("ok", answer.GetProperty("status").GetString());
        Assert.True(Status(answer).TryGetProperty("resting", out _));
    }

    private static decimal Dec(JsonElement e, string name) =>
        decimal.Parse(e.GetProperty(name).GetString()!, System.Globalization.CultureInfo.InvariantCulture);
}
