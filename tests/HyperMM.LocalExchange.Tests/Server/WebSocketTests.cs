using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Actions;
using HyperMM.Hyperliquid.Json;
using HyperMM.Hyperliquid.Signing;
using HyperMM.LocalExchange.Tests.Support;

namespace HyperMM.LocalExchange.Tests.Server;

/// <summary>/ws over a real socket: subscriptions, snapshot-first user fills, order updates, ping, post.</summary>
public sealed class WebSocketTests : IAsyncLifetime
{
    private static readonly AssetId Eth = new(1);
    private TestVenue _v = null!;

    public async Task InitializeAsync() => _v = await TestVenue.StartAsync();

    public async Task DisposeAsync() => await _v.DisposeAsync();

    [Fact]
    public async Task Subscribe_L2Book_AckThenBookThenUpdates()
    {
        await using var ws = await WsProbe.ConnectAsync(_v.Handle.WebSocketUrl);
        await ws.SendAsync("{\"method\":\"subscribe\",\"subscription\":{\"type\":\"l2Book\",\"coin\":\"ETH\"}}");
        var ack = await ws.ReceiveAsync();
        Assert.Equal("subscriptionResponse", ack.GetProperty("channel").GetString());
        Assert.Equal("l2Book", ack.GetProperty("data").GetProperty("subscription").GetProperty("type").GetString());
        var book = await ws.ReceiveAsync();
        Assert.Equal("l2Book", book.GetProperty("channel").GetString());
        Assert.Equal("2999.9", book.GetProperty("data").GetProperty("levels")[0][0].GetProperty("px").GetString());
        Assert.Equal("3000.1", book.GetProperty("data").GetProperty("levels")[1][0].GetProperty("px").GetString());

        _v.Market.Book("ETH", 3001.0m, 3001.2m, 0.1m);
        _v.Step();
        var next = await ws.ReceiveOnAsync("l2Book");
        Assert.Equal("3001.0", next.GetProperty("data").GetProperty("levels")[0][0].GetProperty("px").GetString());
    }

    [Fact]
    public async Task Ping_Pong()
    {
        await using var ws = await WsProbe.ConnectAsync(_v.Handle.WebSocketUrl);
        await ws.SendAsync("{\"method\":\"ping\"}");
        Assert.Equal("pong", (await ws.ReceiveAsync()).GetProperty("channel").GetString());
    }

    [Fact]
    public async Task Garbage_ErrorChannel_ConnectionSurvives()
    {
        await using var ws = await WsProbe.ConnectAsync(_v.Handle.WebSocketUrl);
        await ws.SendAsync("not json");
        Assert.Equal("error", (await ws.ReceiveAsync()).GetProperty("channel").GetString());
        await ws.SendAsync("{\"method\":\"subscribe\",\"subscription\":{\"type\":\"l2Book\",\"coin\":\"DOGE\"}}");
        Assert.Equal("error", (await ws.ReceiveAsync()).GetProperty("channel").GetString());
        await ws.SendAsync("{\"method\":\"ping\"}");
        Assert.Equal("pong", (await ws.ReceiveAsync()).GetProperty("channel").GetString());
    }

    [Fact]
    public async Task UserFills_SnapshotFirst_ThenStreamedFill_AndOrderUpdates_AndUserEvents()
    {
        var user = _v.Account.Master.Hex;
        // one fill before subscribing: it must come in the snapshot
        await _v.SendAsync(new OrderAction([new OrderWire(Eth, true, 3000.1m, 0.01m, false, new LimitOrderKind(TimeInForce.Gtc))]));

        await using var ws = await WsProbe.ConnectAsync(_v.Handle.WebSocketUrl);
        await ws.SendAsync($"{{\"method\":\"subscribe\",\"subscription\":{{\"type\":\"userFills\",\"user\":\"{user}\"}}}}");
        Assert.Equal("subscriptionResponse", (await ws.ReceiveAsync()).GetProperty("channel").GetString());
        var snapshot = await ws.ReceiveAsync();
        Assert.Equal("userFills", snapshot.GetProperty("channel").GetString());
        Assert.True(snapshot.GetProperty("data").GetProperty("isSnapshot").GetBoolean());
        Assert.Equal(1, snapshot.GetProperty("data").GetProperty("fills").GetArrayLength());

        await ws.SendAsync($"{{\"method\":\"subscribe\",\"subscription\":{{\"type\":\"orderUpdates\",\"user\":\"{user}\"}}}}");
        await ws.SendAsync($"{{\"method\":\"subscribe\",\"subscription\":{{\"type\":\"userEvents\",\"user\":\"{user}\"}}}}");
        await ws.SendAsync("{\"method\":\"ping\"}");
        await ws.ReceiveOnAsync("pong"); // both subscriptions are active once the pong is back

        // a resting bid, then an outside seller trades through it
        var placed = await _v.SendAsync(new OrderAction([new OrderWire(Eth, true, 2999.5m, 0.01m, false, new LimitOrderKind(TimeInForce.Alo))]));
        var oid = placed.GetProperty("response").GetProperty("data").GetProperty("statuses")[0].GetProperty("resting").GetProperty("oid").GetInt64();
        var open = await ws.ReceiveOnAsync("orderUpdates");
        Assert.Equal("open", open.GetProperty("data")[0].GetProperty("status").GetString());
        Assert.Equal(oid, open.GetProperty("data")[0].GetProperty("order").GetProperty("oid").GetInt64());

        _v.Market.Trade("ETH", Side.Sell, 2999.0m, 1m, 77);
        _v.Step();
        var fill = await ws.ReceiveOnAsync("userFills");
        Assert.False(fill.GetProperty("data").TryGetProperty("isSnapshot", out _));
        Assert.Equal(oid, fill.GetProperty("data").GetProperty("fills")[0].GetProperty("oid").GetInt64());
        Assert.False(fill.GetProperty("data").GetProperty("fills")[0].GetProperty("crossed").GetBoolean());
        var evt = await ws.ReceiveOnAsync("user");
        Assert.Equal(oid, evt.GetProperty("data").GetProperty("fills")[0].GetProperty("oid").GetInt64());
        var filled = await ws.ReceiveOnAsync("orderUpdates");
        Assert.Equal("filled", filled.GetProperty("data")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Post_InfoAndAction_AnsweredOnThePostChannel()
    {
        await using var ws = await WsProbe.ConnectAsync(_v.Handle.WebSocketUrl);
        await ws.SendAsync("{\"method\":\"post\",\"id\":7,\"request\":{\"type\":\"info\",\"payload\":{\"type\":\"l2Book\",\"coin\":\"ETH\"}}}");
        var info = await ws.ReceiveOnAsync("post");
        Assert.Equal(7, info.GetProperty("data").GetProperty("id").GetInt64());
        Assert.Equal("info", info.GetProperty("data").GetProperty("response").GetProperty("type").GetString());
        Assert.Equal("l2Book", info.GetProperty("data").GetProperty("response").GetProperty("payload").GetProperty("type").GetString());

        var signed = HyperliquidSigning.Sign(_v.Account.AgentKey, new OrderAction([new OrderWire(Eth, false, 3000.5m, 0.01m, false, new LimitOrderKind(TimeInForce.Alo))]), _v.NextNonce(), false);
        await ws.SendAsync("{\"method\":\"post\",\"id\":8,\"request\":{\"type\":\"action\",\"payload\":" + ExchangeRequestJson.Write(signed) + "}}");
        var action = await ws.ReceiveOnAsync("post");
        Assert.Equal(8, action.GetProperty("data").GetProperty("id").GetInt64());
        var payload = action.GetProperty("data").GetProperty("response").GetProperty("payload");
        Assert.Equal("ok", payload.GetProperty("status").GetString());
        Assert.True(payload.GetProperty("response").GetProperty("data").GetProperty("statuses")[0].TryGetProperty("resting", out _));
    }

    [Fact]
    public async Task Trades_AndAllMids_Pushed()
    {
        await using var ws = await WsProbe.ConnectAsync(_v.Handle.WebSocketUrl);
        await ws.SendAsync("{\"method\":\"subscribe\",\"subscription\":{\"type\":\"trades\",\"coin\":\"ETH\"}}");
        await ws.SendAsync("{\"method\":\"subscribe\",\"subscription\":{\"type\":\"allMids\"}}");
        var mids = await ws.ReceiveOnAsync("allMids");
        // (2999.9 + 3000.1) / 2 = 3000
        Assert.Equal("3000.0", mids.GetProperty("data").GetProperty("mids").GetProperty("ETH").GetString());
        _v.Market.Trade("ETH", Side.Buy, 3000.1m, 0.5m, 99);
        _v.Step();
        var trades = await ws.ReceiveOnAsync("trades");
        Assert.Equal("B", trades.GetProperty("data")[0].GetProperty("side").GetString());
        Assert.Equal("0.5", trades.GetProperty("data")[0].GetProperty("sz").GetString());
        Assert.Equal(99, trades.GetProperty("data")[0].GetProperty("tid").GetInt64());
    }
}
