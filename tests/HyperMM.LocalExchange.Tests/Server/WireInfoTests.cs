using System.Globalization;
using System.Text.Json;
using HyperMM.LocalExchange.Tests.Support;

namespace HyperMM.LocalExchange.Tests.Server;

/// <summary>
/// Wire fidelity of /info (and the l2Book subscription) with literal request JSON, against the shapes of the real
/// venue's recorded answers (PROTOCOL §1.4; ../shared/data cassettes and nautilus_trader files). ETH book: bids
/// 2999.9 … 2999.5 and asks 3000.1 … 3000.5 in 0.1 steps, 5 ETH and one order per level.
/// </summary>
public sealed class WireInfoTests : IAsyncLifetime
{
    private TestVenue _v = null!;

    public async Task InitializeAsync() => _v = await TestVenue.StartAsync();

    public async Task DisposeAsync() => await _v.DisposeAsync();

    private string User => _v.Account.Master.Hex;

    [Fact]
    public async Task Meta_CarriesMarginTables_AndEveryAssetPointsAtOne()
    {
        var meta = await _v.InfoAsync("""{"type":"meta"}""");
        var tables = meta.GetProperty("marginTables").EnumerateArray().ToDictionary(t => t[0].GetInt32(), t => t[1]);
        foreach (var asset in meta.GetProperty("universe").EnumerateArray())
        {
            var id = asset.GetProperty("marginTableId").GetInt32();
            Assert.True(tables.ContainsKey(id), $"{asset.GetProperty("name").GetString()} points at missing table {id}");
            // the first tier's leverage is the asset's max leverage
            Assert.Equal(asset.GetProperty("maxLeverage").GetInt32(), tables[id].GetProperty("marginTiers")[0].GetProperty("maxLeverage").GetInt32());
        }

        // BTC as the live venue lists it: table 56 "tiered 40x", 40× from 0 and 20× from $150M (PROTOCOL §5)
        var btc = tables[meta.GetProperty("universe")[0].GetProperty("marginTableId").GetInt32()];
        Assert.Equal("tiered 40x", btc.GetProperty("description").GetString());
        Assert.Equal("0.0", btc.GetProperty("marginTiers")[0].GetProperty("lowerBound").GetString());
        Assert.Equal("150000000.0", btc.GetProperty("marginTiers")[1].GetProperty("lowerBound").GetString());
        Assert.Equal(20, btc.GetProperty("marginTiers")[1].GetProperty("maxLeverage").GetInt32());

        var both = await _v.InfoAsync("""{"type":"metaAndAssetCtxs"}""");
        Assert.Equal(tables.Count, both[0].GetProperty("marginTables").GetArrayLength());
    }

    [Fact]
    public async Task SpotMeta_AnswersAnEmptyUniverse()
    {
        var spot = await _v.InfoAsync("""{"type":"spotMeta"}""");
        Assert.Equal(0, spot.GetProperty("universe").GetArrayLength());
        Assert.Equal(0, spot.GetProperty("tokens").GetArrayLength());
    }

    [Fact]
    public async Task FrontendOpenOrders_AndOrderStatus_CarryCloid_NullWhenAbsent_AndFillsCarryTwapIdNull()
    {
        const string cloid = "0x000000000000000000000000000000a1";
        await _v.PostLiteralAsync($$$"""{"type":"order","orders":[{"a":1,"b":true,"p":"2999","s":"0.01","r":false,"t":{"limit":{"tif":"Alo"}},"c":"{{{cloid}}}"}],"grouping":"na"}""");
        await _v.PostLiteralAsync("""{"type":"order","orders":[{"a":1,"b":true,"p":"2998","s":"0.01","r":false,"t":{"limit":{"tif":"Alo"}}}],"grouping":"na"}""");

        var orders = await _v.InfoAsync("frontendOpenOrders", User);
        Assert.Equal(2, orders.GetArrayLength());
        var withCloid = orders.EnumerateArray().Single(o => o.GetProperty("limitPx").GetString() == "2999.0");
        var without = orders.EnumerateArray().Single(o => o.GetProperty("limitPx").GetString() == "2998.0");
        Assert.Equal(cloid, withCloid.GetProperty("cloid").GetString());
        Assert.Equal(JsonValueKind.Null, without.GetProperty("cloid").ValueKind); // the venue writes "cloid":null (historicalOrders cassette)

        var byCloid = await _v.InfoAsync($$"""{"type":"orderStatus","user":"{{User}}","oid":"{{cloid}}"}""");
        Assert.Equal(cloid, byCloid.GetProperty("order").GetProperty("order").GetProperty("cloid").GetString());
        var byOid = await _v.InfoAsync($$"""{"type":"orderStatus","user":"{{User}}","oid":{{without.GetProperty("oid").GetInt64()}}}""");
        Assert.Equal(JsonValueKind.Null, byOid.GetProperty("order").GetProperty("order").GetProperty("cloid").ValueKind);

        // an outside seller trades through both bids: two fills, each with "twapId":null
        _v.Market.Trade("ETH", Core.Primitives.Side.Sell, 2990m, 1m, 5);
        _v.Step();
        var fills = await _v.InfoAsync("userFills", User);
        Assert.Equal(2, fills.GetArrayLength());
        Assert.All(fills.EnumerateArray(), f => Assert.Equal(JsonValueKind.Null, f.GetProperty("twapId").ValueKind));
        Assert.Contains(fills.EnumerateArray(), f => f.TryGetProperty("cloid", out var c) && c.GetString() == cloid);
    }

    [Fact]
    public async Task L2Book_NSigFigs2_AggregatesToHundreds_BidsDownAsksUp()
    {
        // 2999.9: floor(log10) = 3, bucket 10^(3 − 2 + 1) = 100 → bids floor to 2900, asks 3000.1… ceil to 3100
        var book = await _v.InfoAsync("""{"type":"l2Book","coin":"ETH","nSigFigs":2}""");
        AssertLevels(book.GetProperty("levels")[0], (2900m, 25m, 5));
        AssertLevels(book.GetProperty("levels")[1], (3100m, 25m, 5));
    }

    [Fact]
    public async Task L2Book_NSigFigs5Mantissa2_BucketsOfTwoTenths()
    {
        // bucket 2 × 10^(3 − 5 + 1) = 0.2. Bids 2999.9 and 2999.8 → 2999.8; 2999.7, 2999.6 → 2999.6; 2999.5 → 2999.4.
        // Asks 3000.1, 3000.2 → 3000.2; 3000.3, 3000.4 → 3000.4; 3000.5 → 3000.6.
        var book = await _v.InfoAsync("""{"type":"l2Book","coin":"ETH","nSigFigs":5,"mantissa":2}""");
        AssertLevels(book.GetProperty("levels")[0], (2999.8m, 10m, 2), (2999.6m, 10m, 2), (2999.4m, 5m, 1));
        AssertLevels(book.GetProperty("levels")[1], (3000.2m, 10m, 2), (3000.4m, 10m, 2), (3000.6m, 5m, 1));

        var full = await _v.InfoAsync("""{"type":"l2Book","coin":"ETH","nSigFigs":null}""");
        Assert.Equal(5, full.GetProperty("levels")[0].GetArrayLength());
    }

    [Theory]
    [InlineData("""{"type":"l2Book","coin":"ETH","nSigFigs":1}""")]
    [InlineData("""{"type":"l2Book","coin":"ETH","nSigFigs":4,"mantissa":2}""")]
    [InlineData("""{"type":"l2Book","coin":"ETH","nSigFigs":5,"mantissa":3}""")]
    [InlineData("""{"type":"l2Book","coin":"ETH","nSigFigs":"5"}""")]
    public async Task L2Book_InvalidAggregation_Is422WithABody(string request)
    {
        var (status, body) = await _v.PostAnyAsync("/info", request);
        Assert.Equal(422, status);
        Assert.StartsWith("Failed to deserialize the JSON body into the target type", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task L2BookSubscription_WithNSigFigs_PushesTheAggregatedBook_AndRefusesABadOne()
    {
        await using var ws = await WsProbe.ConnectAsync(_v.Handle.WebSocketUrl);
        await ws.SendAsync("""{"method":"subscribe","subscription":{"type":"l2Book","coin":"ETH","nSigFigs":2}}""");
        Assert.Equal("subscriptionResponse", (await ws.ReceiveAsync()).GetProperty("channel").GetString());
        var first = await ws.ReceiveOnAsync("l2Book");
        AssertLevels(first.GetProperty("data").GetProperty("levels")[0], (2900m, 25m, 5));

        // the book moves: the next push is aggregated the same way (bids 3050.0 … 3049.6 → 3000; asks 3050.2 … → 3100)
        _v.Market.Book("ETH", 3050.0m, 3050.2m, 0.1m);
        _v.Step();
        var next = await ws.ReceiveOnAsync("l2Book");
        AssertLevels(next.GetProperty("data").GetProperty("levels")[0], (3000m, 25m, 5));
        AssertLevels(next.GetProperty("data").GetProperty("levels")[1], (3100m, 25m, 5));

        await ws.SendAsync("""{"method":"subscribe","subscription":{"type":"l2Book","coin":"ETH","nSigFigs":"x"}}""");
        var error = await ws.ReceiveOnAsync("error");
        Assert.StartsWith("Invalid subscription", error.GetProperty("data").GetString(), StringComparison.Ordinal);
    }

    private static void AssertLevels(JsonElement side, params (decimal Px, decimal Sz, int N)[] expected)
    {
        Assert.Equal(expected.Length, side.GetArrayLength());
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Px, decimal.Parse(side[i].GetProperty("px").GetString()!, CultureInfo.InvariantCulture));
            Assert.Equal(expected[i].Sz, decimal.Parse(side[i].GetProperty("sz").GetString()!, CultureInfo.InvariantCulture));
            Assert.Equal(expected[i].N, side[i].GetProperty("n").GetInt32());
        }
    }
}
