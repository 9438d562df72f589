using System.Net;
using System.Text;
using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Actions;
using HyperMM.LocalExchange.Market;
using HyperMM.LocalExchange.Tests.Support;
using HyperMM.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace HyperMM.LocalExchange.Tests.Server;

/// <summary>Open-order limit, a scheduled cancel that fires, malformed requests, replay of a raw WS capture.</summary>
public sealed class VenueLimitsTests
{
    private static readonly AssetId Eth = new(1);

    private static OrderAction Bid(decimal price) => new([new OrderWire(Eth, true, price, 0.01m, false, new LimitOrderKind(TimeInForce.Alo))]);

    [Fact]
    public async Task OpenOrderLimit_TheOrderBeyondItIsRefused()
    {
        await using var v = await TestVenue.StartAsync(new LocalExchangeOptions { OpenOrderLimit = 2 });
        await v.SendAsync(Bid(2999.0m));
        await v.SendAsync(Bid(2998.0m));
        var third = await v.SendAsync(Bid(2997.0m));
        Assert.StartsWith("Too many open orders", third.GetProperty("response").GetProperty("data").GetProperty("statuses")[0].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, (await v.InfoAsync("openOrders", v.Account.Master.Hex)).GetArrayLength());
    }

    [Fact]
    public async Task ScheduleCancel_PastTheVolumeGate_FiresAndCancelsEveryOrder()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var v = await TestVenue.StartAsync(new LocalExchangeOptions { Time = clock, ScheduleCancelVolumeGate = 0m });
        await v.SendAsync(Bid(2999.0m));
        await v.SendAsync(Bid(2998.0m));
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var tooEarly = await v.SendAsync(new ScheduleCancelAction(now + 1_000));
        Assert.Equal("Scheduled cancel time too early, must be at least 5 seconds from now.", tooEarly.GetProperty("response").GetString());
        var set = await v.SendAsync(new ScheduleCancelAction(now + 10_000));
        Assert.Equal("default", set.GetProperty("response").GetProperty("type").GetString());
        clock.Advance(TimeSpan.FromSeconds(11));
        v.Step(); // the feed step runs the venue's timers
        Assert.Equal(0, (await v.InfoAsync("openOrders", v.Account.Master.Hex)).GetArrayLength());
        var fills = await v.InfoAsync("userFills", v.Account.Master.Hex);
        Assert.Equal(0, fills.GetArrayLength());
    }

    [Theory]
    [InlineData("/info", "not json")]
    [InlineData("/info", "{\"type\":\"noSuchType\"}")]
    [InlineData("/info", "{\"type\":\"clearinghouseState\",\"user\":\"nope\"}")]
    [InlineData("/exchange", "{\"action\":{\"type\":\"withdraw9\"},\"nonce\":1,\"signature\":{\"r\":\"0x1\",\"s\":\"0x1\",\"v\":27}}")]
    public async Task MalformedRequest_422(string path, string body)
    {
        await using var v = await TestVenue.StartAsync();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await v.Http.PostAsync(new Uri(path, UriKind.Relative), content);
        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.StartsWith("Failed to deserialize the JSON body into the target type", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_RawWebSocketCapture_Gzip()
    {
        // hftbacktest capture: 46 l2Book pushes and 9 trades messages holding 64 trades (SOURCES.md)
        var source = ReplaySource.FromPath(SharedData.File("data/hftbacktest/examples/hyperliquid/btcusd_20250126.gz"), new HashSet<string> { "BTC", "ETH", "HYPE" });
        Assert.Equal(46 + 64, source.Count);
        Assert.Equal(["BTC"], source.Coins.Select(c => c.Name));
    }
}
