using System.Net;
using System.Text;
using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Actions;
using HyperMM.LocalExchange.Faults;
using HyperMM.LocalExchange.Tests.Support;

namespace HyperMM.LocalExchange.Tests.Server;

/// <summary>Each fault switch, seen from the client side of a real socket.</summary>
public sealed class FaultInjectionTests
{
    private static readonly AssetId Eth = new(1);

    private static async Task<HttpStatusCode> PostMetaAsync(TestVenue v)
    {
        using var content = new StringContent("{\"type\":\"meta\"}", Encoding.UTF8, "application/json");
        using var response = await v.Http.PostAsync(new Uri("/info", UriKind.Relative), content);
        return response.StatusCode;
    }

    [Fact]
    public async Task Http429Burst_NextNRequestsAre429_ThenServedAgain()
    {
        await using var v = await TestVenue.StartAsync(new LocalExchangeOptions { Faults = new FaultOptions { Http429Burst = 3 } });
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.OK],
            [await PostMetaAsync(v), await PostMetaAsync(v), await PostMetaAsync(v), await PostMetaAsync(v)]);
        v.Handle.Faults.Start429Burst(1);
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostMetaAsync(v));
    }

    [Fact]
    public async Task HttpFailFraction_One_Every_Request_500_ThenSwitchedOff()
    {
        await using var v = await TestVenue.StartAsync();
        v.Handle.Faults.HttpFailFraction = 1.0;
        Assert.Equal(HttpStatusCode.InternalServerError, await PostMetaAsync(v));
        Assert.Equal(HttpStatusCode.InternalServerError, await PostMetaAsync(v));
        v.Handle.Faults.HttpFailFraction = 0;
        Assert.Equal(HttpStatusCode.OK, await PostMetaAsync(v));
    }

    [Fact]
    public async Task HttpFailFraction_DoesNotReachTheVenue_OrderNotPlaced()
    {
        await using var v = await TestVenue.StartAsync();
        v.Handle.Faults.HttpFailFraction = 1.0;
        var signed = Hyperliquid.Signing.HyperliquidSigning.Sign(v.Account.AgentKey, new OrderAction([new OrderWire(Eth, true, 2999.5m, 0.01m, false, new LimitOrderKind(TimeInForce.Alo))]), v.NextNonce(), false);
        using var content = new StringContent(Hyperliquid.Json.ExchangeRequestJson.Write(signed), Encoding.UTF8, "application/json");
        using var response = await v.Http.PostAsync(new Uri("/exchange", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        v.Handle.Faults.HttpFailFraction = 0;
        Assert.Equal(0, (await v.InfoAsync("openOrders", v.Account.Master.Hex)).GetArrayLength());
    }

    [Fact]
    public async Task HttpDelay_FractionOne_AnsweredOnlyAfterTheVenueClockPassesTheDelay()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var v = await TestVenue.StartAsync(new LocalExchangeOptions { Time = clock });
        v.Handle.Faults.HttpDelay = TimeSpan.FromSeconds(5);
        v.Handle.Faults.HttpDelayFraction = 1.0;
        var pending = PostMetaAsync(v);
        await Task.Delay(300); // real time passes, venue time does not: still waiting
        Assert.False(pending.IsCompleted);
        // the request may not have reached the delay yet on a busy machine: advance until it is released
        for (var i = 0; i < 200 && !pending.IsCompleted; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(5));
            await Task.WhenAny(pending, Task.Delay(50));
        }

        Assert.Equal(HttpStatusCode.OK, await pending);
    }

    [Fact]
    public async Task RejectNextOrders_ExactlyThoseOrdersRejected()
    {
        await using var v = await TestVenue.StartAsync(new LocalExchangeOptions { Faults = new FaultOptions { RejectNextOrders = 2 } });
        var batch = new OrderAction(
        [
            new OrderWire(Eth, true, 2999.5m, 0.01m, false, new LimitOrderKind(TimeInForce.Alo)),
            new OrderWire(Eth, true, 2999.4m, 0.01m, false, new LimitOrderKind(TimeInForce.Alo)),
            new OrderWire(Eth, true, 2999.3m, 0.01m, false, new LimitOrderKind(TimeInForce.Alo)),
        ]);
        var statuses = (await v.SendAsync(batch)).GetProperty("response").GetProperty("data").GetProperty("statuses");
        Assert.Equal("Insufficient margin to place order. asset=1", statuses[0].GetProperty("error").GetString());
        Assert.Equal("Insufficient margin to place order. asset=1", statuses[1].GetProperty("error").GetString());
        Assert.True(statuses[2].TryGetProperty("resting", out _));
    }

    [Fact]
    public async Task PausedFeed_NoBookUpdates_UntilResumed()
    {
        await using var v = await TestVenue.StartAsync();
        v.Handle.Faults.FeedPaused = true;
        v.Market.Book("ETH", 3100.0m, 3100.2m, 0.1m);
        v.Step();
        var book = await v.InfoAsync("{\"type\":\"l2Book\",\"coin\":\"ETH\"}");
        Assert.Equal("2999.9", book.GetProperty("levels")[0][0].GetProperty("px").GetString());
        v.Handle.Faults.FeedPaused = false;
        v.Step();
        book = await v.InfoAsync("{\"type\":\"l2Book\",\"coin\":\"ETH\"}");
        Assert.Equal("3100.0", book.GetProperty("levels")[0][0].GetProperty("px").GetString());
    }

    [Fact]
    public async Task DropWebSocketsEvery_ClientSeesTheDrop_AndCanReconnect()
    {
        await using var v = await TestVenue.StartAsync();
        await using var ws = await WsProbe.ConnectAsync(v.Handle.WebSocketUrl);
        await ws.SendAsync("{\"method\":\"ping\"}");
        Assert.Equal("pong", (await ws.ReceiveAsync()).GetProperty("channel").GetString());
        v.Handle.Faults.DropWebSocketsEvery = TimeSpan.FromMilliseconds(300);
        Assert.True(await ws.WaitDroppedAsync());
        v.Handle.Faults.DropWebSocketsEvery = null;
        Assert.True(v.Handle.Faults.DropsInjected >= 1);
        await using var again = await WsProbe.ConnectAsync(v.Handle.WebSocketUrl);
        await again.SendAsync("{\"method\":\"ping\"}");
        Assert.Equal("pong", (await again.ReceiveAsync()).GetProperty("channel").GetString());
    }

    [Fact]
    public async Task IpWeight_OverTheMinute_429()
    {
        await using var v = await TestVenue.StartAsync(new LocalExchangeOptions { IpWeightPerMinute = 60 });
        // userRole weighs 60: the first fits the 60/minute budget, the second does not
        using var first = new StringContent($"{{\"type\":\"userRole\",\"user\":\"{v.Account.Master.Hex}\"}}", Encoding.UTF8, "application/json");
        using var r1 = await v.Http.PostAsync(new Uri("/info", UriKind.Relative), first);
        Assert.Equal(HttpStatusCode.OK, r1.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostMetaAsync(v));
    }

    [Fact]
    public async Task AddressBudget_Exhausted_VenueText_AndOrderNotPlaced()
    {
        await using var v = await TestVenue.StartAsync(new LocalExchangeOptions { AddressRequestBuffer = 2 });
        var order = new OrderAction([new OrderWire(Eth, true, 2999.5m, 0.01m, false, new LimitOrderKind(TimeInForce.Alo))]);
        Assert.Equal("ok", (await v.SendAsync(order)).GetProperty("status").GetString());
        Assert.Equal("ok", (await v.SendAsync(order)).GetProperty("status").GetString());
        Assert.Equal("ok", (await v.SendAsync(order)).GetProperty("status").GetString()); // the one-per-10-s allowance
        var refused = await v.SendAsync(order);
        Assert.Equal("Too many cumulative requests sent (4 > 2) for cumulative volume traded $0.00. Place taker orders to free up 1 request per USDC traded.",
            refused.GetProperty("response").GetString());
        Assert.Equal(3, (await v.InfoAsync("openOrders", v.Account.Master.Hex)).GetArrayLength());
        var limit = await v.InfoAsync("userRateLimit", v.Account.Master.Hex);
        Assert.Equal(3, limit.GetProperty("nRequestsUsed").GetInt64());
        Assert.Equal(2, limit.GetProperty("nRequestsCap").GetInt64());
    }
}
