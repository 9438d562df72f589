using System.Net.WebSockets;
using HyperMM.LocalExchange.Tests.Support;
using HyperMM.LocalExchange.Ws;

namespace HyperMM.LocalExchange.Tests.Server;

/// <summary>
/// The WebSocket limits of PROTOCOL §7.1 over real sockets, with the venue's error texts (quoted live in NK issue
/// #78). Connections use the venue's numbers; the per-minute and per-IP counts use small limits so a test does not
/// send thousands of frames.
/// </summary>
public sealed class WsLimitsTests
{
    [Fact]
    public async Task Connections_TenPerIp_TheEleventhIsRefusedWith429_AndAClosedOneFreesItsPlace()
    {
        await using var v = await TestVenue.StartAsync();
        var open = new List<WsProbe>();
        try
        {
            for (var i = 0; i < 10; i++)
            {
                open.Add(await WsProbe.ConnectAsync(v.Handle.WebSocketUrl));
            }

            var refused = await Assert.ThrowsAsync<WebSocketException>(() => WsProbe.ConnectAsync(v.Handle.WebSocketUrl));
            Assert.Contains("429", refused.Message, StringComparison.Ordinal);

            await open[0].DisposeAsync();
            open.RemoveAt(0);
            await WaitForConnectionsAsync(v, 9);
            open.Add(await WsProbe.ConnectAsync(v.Handle.WebSocketUrl));
            await open[^1].SendAsync("""{"method":"ping"}""");
            Assert.Equal("pong", (await open[^1].ReceiveAsync()).GetProperty("channel").GetString());
        }
        finally
        {
            foreach (var probe in open)
            {
                await probe.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task NewConnections_PerMinute_AreCapped()
    {
        await using var v = await TestVenue.StartAsync(new LocalExchangeOptions { WebSocketLimits = new WsLimits { NewConnectionsPerMinute = 2 } });
        for (var i = 0; i < 2; i++)
        {
            await using var probe = await WsProbe.ConnectAsync(v.Handle.WebSocketUrl);
        }

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => WsProbe.ConnectAsync(v.Handle.WebSocketUrl));
        Assert.Contains("429", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscriptions_OverTheCap_GetTheVenuesErrorText_AndUnsubscribingFreesOne()
    {
        await using var v = await TestVenue.StartAsync(new LocalExchangeOptions { WebSocketLimits = new WsLimits { MaxSubscriptions = 2 } });
        await using var ws = await WsProbe.ConnectAsync(v.Handle.WebSocketUrl);
        await ws.SendAsync("""{"method":"subscribe","subscription":{"type":"trades","coin":"ETH"}}""");
        await ws.SendAsync("""{"method":"subscribe","subscription":{"type":"trades","coin":"BTC"}}""");
        await ws.SendAsync("""{"method":"subscribe","subscription":{"type":"trades","coin":"HYPE"}}""");
        var error = await ws.ReceiveOnAsync("error");
        Assert.Equal("Cannot subscribe to more than 2 channels.", error.GetProperty("data").GetString());

        await ws.SendAsync("""{"method":"unsubscribe","subscription":{"type":"trades","coin":"BTC"}}""");
        await ws.SendAsync("""{"method":"subscribe","subscription":{"type":"trades","coin":"HYPE"}}""");
        var ack = await ws.ReceiveOnAsync("subscriptionResponse"); // first the unsubscribe's, then the new one
        Assert.Equal("unsubscribe", ack.GetProperty("data").GetProperty("method").GetString());
        ack = await ws.ReceiveOnAsync("subscriptionResponse");
        Assert.Equal("HYPE", ack.GetProperty("data").GetProperty("subscription").GetProperty("coin").GetString());
    }

    [Fact]
    public async Task Users_AcrossUserSubscriptions_AreCapped_PerIpAcrossConnections()
    {
        await using var v = await TestVenue.StartAsync(new LocalExchangeOptions { WebSocketLimits = new WsLimits { MaxUsers = 1 } });
        await using var first = await WsProbe.ConnectAsync(v.Handle.WebSocketUrl);
        await using var second = await WsProbe.ConnectAsync(v.Handle.WebSocketUrl);
        await first.SendAsync("""{"method":"subscribe","subscription":{"type":"orderUpdates","user":"0x0000000000000000000000000000000000000001"}}""");
        Assert.Equal("subscriptionResponse", (await first.ReceiveAsync()).GetProperty("channel").GetString());
        // the same user again on another connection is fine; a second user is not
        await second.SendAsync("""{"method":"subscribe","subscription":{"type":"userFills","user":"0x0000000000000000000000000000000000000001"}}""");
        Assert.Equal("subscriptionResponse", (await second.ReceiveAsync()).GetProperty("channel").GetString());
        await second.SendAsync("""{"method":"subscribe","subscription":{"type":"orderUpdates","user":"0x0000000000000000000000000000000000000002"}}""");
        var error = await second.ReceiveOnAsync("error");
        Assert.Equal("Cannot track more than 1 total users.", error.GetProperty("data").GetString());
    }

    [Fact]
    public async Task Messages_PerMinute_OverTheCapAreAnsweredOnTheErrorChannel()
    {
        await using var v = await TestVenue.StartAsync(new LocalExchangeOptions { WebSocketLimits = new WsLimits { MessagesPerMinute = 3 } });
        await using var ws = await WsProbe.ConnectAsync(v.Handle.WebSocketUrl);
        for (var i = 0; i < 3; i++)
        {
            await ws.SendAsync("""{"method":"ping"}""");
            Assert.Equal("pong", (await ws.ReceiveAsync()).GetProperty("channel").GetString());
        }

        await ws.SendAsync("""{"method":"ping"}""");
        var error = await ws.ReceiveAsync();
        Assert.Equal("error", error.GetProperty("channel").GetString());
        Assert.Equal("Cannot send more than 3 messages per minute.", error.GetProperty("data").GetString());
    }

    private static async Task WaitForConnectionsAsync(TestVenue v, int count)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew(); // a real socket closing: poll with a generous deadline
        while (v.Handle.WebSocketConnections != count && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(20);
        }

        Assert.Equal(count, v.Handle.WebSocketConnections);
    }
}
