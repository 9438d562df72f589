using System.Threading.Channels;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.Hyperliquid.Actions;
using HyperMM.Hyperliquid.Exchange;
using HyperMM.Hyperliquid.Signing;
using HyperMM.Hyperliquid.Streaming;

namespace HyperMM.Hyperliquid.Tests.Streaming;

/// <summary>The WebSocket client against a real Kestrel WebSocket server.</summary>
public class WebSocketClientTests
{
    private const string Book = """{"channel":"l2Book","data":{"coin":"BTC","time":1737918843000,"levels":[[{"px":"105055.0","sz":"3.03622","n":5}],[{"px":"105056.0","sz":"6.34472","n":13}]]}}""";
    private const string TradesFrame = """{"channel":"trades","data":[{"coin":"BTC","side":"B","px":"105056.0","sz":"0.00219","hash":"0x00","time":1737918794873,"tid":121451470284048,"users":["0xa","0xb"]}]}""";
    private static readonly Address User = Address.Parse("0x14791697260e4c9a71f18484c9f997b308e59325");
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private static readonly WebSocketClientOptions FastOptions = new()
    {
        MinReconnectDelay = TimeSpan.FromMilliseconds(50),
        MaxReconnectDelay = TimeSpan.FromMilliseconds(200),
    };

    [Fact]
    public async Task Subscribe_Receive_SurviveGarbage_Drop_ReconnectAndResubscribe()
    {
        await using var server = await TestWsServer.StartAsync();
        server.OnFrame = (_, text) => text.Contains("\"l2Book\"", StringComparison.Ordinal) && text.Contains("subscribe", StringComparison.Ordinal)
            ? [System.Text.Encoding.UTF8.GetBytes(Book)]
            : [];
        await using var client = new HyperliquidWebSocketClient(server.Uri, TimeProvider.System, FastOptions);
        await client.SubscribeAsync(WsSubscription.L2Book(new Coin("BTC")), CancellationToken.None);
        await client.SubscribeAsync(WsSubscription.UserFills(User), CancellationToken.None);
        await client.StartAsync(CancellationToken.None);

        var book = await Next<WsL2Book>(client);
        Assert.Equal(105055.0m, book.Book.Bids[0].Price);

        // Garbage: plain text greeting (ignored), non-JSON and a broken book (malformed), an unknown channel.
        server.Send(1, "Websocket connection established.");
        server.Send(1, "this is not json");
        server.Send(1, """{"channel":"l2Book","data":{"coin":"BTC"}}""");
        server.Send(1, """{"channel":"somethingNew","data":{}}""");
        server.Send(1, TradesFrame);
        var trades = await Next<WsTrades>(client);
        Assert.Equal(121451470284048, trades.Trades[0].Trade.TradeId);
        Assert.Equal(2, client.MalformedCount);
        Assert.Equal(1, client.UnknownCount);

        // The server drops the connection: interrupted, then restored with every subscription sent again.
        server.Drop(1);
        var interrupted = await Next<WsStreamInterrupted>(client);
        Assert.False(string.IsNullOrEmpty(interrupted.Reason));
        var restored = await Next<WsStreamRestored>(client);
        Assert.Equal(1, restored.Reconnects);
        var bookAgain = await Next<WsL2Book>(client);
        Assert.Equal(book.Book.Bids, bookAgain.Book.Bids);
        var resent = server.ReceivedOn(2);
        Assert.Contains(resent, t => t.Contains("\"type\":\"l2Book\"", StringComparison.Ordinal) && t.Contains("\"coin\":\"BTC\"", StringComparison.Ordinal));
        Assert.Contains(resent, t => t.Contains("\"type\":\"userFills\"", StringComparison.Ordinal) && t.Contains(User.Hex, StringComparison.Ordinal));
        Assert.Equal(2, server.Connections);
    }

    [Fact]
    public async Task UserFills_SnapshotFlagKept_AndEveryFrameDeliveredAsSent()
    {
        await using var server = await TestWsServer.StartAsync();
        await using var client = new HyperliquidWebSocketClient(server.Uri, TimeProvider.System, FastOptions);
        await client.SubscribeAsync(WsSubscription.UserFills(User), CancellationToken.None);
        await client.StartAsync(CancellationToken.None);
        await Next<WsSubscriptionAck>(client);

        server.Send(1, FillsFrame(snapshot: true, 1, 2));
        server.Send(1, FillsFrame(snapshot: false, 2, 3));
        server.Send(1, FillsFrame(snapshot: false, 3));
        server.Send(1, FillsFrame(snapshot: false, 4));
        var snapshot = await Next<WsUserFills>(client);
        Assert.True(snapshot.IsSnapshot);
        Assert.Equal([1L, 2L], snapshot.Fills.Select(f => f.Tid));
        // Fills are de-duplicated once, by tid, where the position is kept (MarketMaker.OnFill; test
        // StrategyRunnerTests.Fill_AppliedOnceEvenWhenReportedTwice): the socket passes every frame on unchanged.
        var stream = await Next<WsUserFills>(client);
        Assert.False(stream.IsSnapshot);
        Assert.Equal([2L, 3L], stream.Fills.Select(f => f.Tid));
        Assert.Equal([3L], (await Next<WsUserFills>(client)).Fills.Select(f => f.Tid));
        Assert.Equal([4L], (await Next<WsUserFills>(client)).Fills.Select(f => f.Tid));
    }

    [Fact]
    public async Task Ping_IsSent_AndAMissingPongRestartsTheSocket()
    {
        await using var server = await TestWsServer.StartAsync();
        server.AnswerPings = false;
        var options = FastOptions with { PingInterval = TimeSpan.FromMilliseconds(100), PongTimeout = TimeSpan.FromMilliseconds(200) };
        await using var client = new HyperliquidWebSocketClient(server.Uri, TimeProvider.System, options);
        await client.StartAsync(CancellationToken.None);
        var interrupted = await Next<WsStreamInterrupted>(client);
        Assert.Contains("no pong", interrupted.Reason, StringComparison.Ordinal);
        Assert.Contains("""{"method":"ping"}""", server.ReceivedOn(1));
        await Next<WsStreamRestored>(client);
    }

    [Fact]
    public async Task Post_SendsTheSignedActionAndReadsTheVenueAnswer()
    {
        await using var server = await TestWsServer.StartAsync();
        server.OnFrame = (_, text) =>
        {
            if (!text.Contains("\"method\":\"post\"", StringComparison.Ordinal))
            {
                return [];
            }

            var id = System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("id").GetInt64();
            var payload = ExchangeResponse.Order([ExchangeStatus.Resting(new OrderId(88383))]).ToUtf8();
            return [WsMessages.WritePostResponse(id, "action", payload)];
        };
        await using var client = new HyperliquidWebSocketClient(server.Uri, TimeProvider.System, FastOptions);
        await client.StartAsync(CancellationToken.None);

        var key = PrivateKey.Parse("0x0123456789012345678901234567890123456789012345678901234567890123");
        var request = HyperliquidSigning.Sign(key, new NoopAction(), 1_700_000_000_000, isMainnet: false);
        var outcome = await client.TryPostAsync(request, CancellationToken.None);
        Assert.NotNull(outcome);
        Assert.True(outcome.Success);
        Assert.Equal(new OrderId(88383), outcome.Response!.Statuses[0].Oid);

        var posted = server.ReceivedOn(1).Single(t => t.Contains("\"post\"", StringComparison.Ordinal));
        var payloadJson = System.Text.Json.JsonDocument.Parse(posted).RootElement.GetProperty("request").GetProperty("payload").GetRawText();
        Assert.Equal(key.Address, Json.ExchangeRequestJson.Parse(payloadJson).RecoverSigner(false));
    }

    [Fact]
    public async Task Post_WhenNotConnected_ReturnsNullSoHttpIsUsed()
    {
        await using var client = new HyperliquidWebSocketClient(new Uri("ws://127.0.0.1:9/ws"), TimeProvider.System, FastOptions);
        var key = PrivateKey.Parse("0x0123456789012345678901234567890123456789012345678901234567890123");
        Assert.Null(await client.TryPostAsync(HyperliquidSigning.Sign(key, new NoopAction(), 1, false), CancellationToken.None));
    }

    private static string FillsFrame(bool snapshot, params long[] tids)
    {
        var fills = string.Join(",", tids.Select(t => $$"""{"coin":"ETH","px":"2000.0","sz":"0.01","side":"B","time":{{t}},"startPosition":"0.0","dir":"Open Long","closedPnl":"0.0","hash":"0x00","oid":{{t}},"crossed":false,"fee":"-0.0001","tid":{{t}},"feeToken":"USDC"}"""));
        var flag = snapshot ? "\"isSnapshot\":true," : string.Empty;
        return "{\"channel\":\"userFills\",\"data\":{" + flag + "\"user\":\"" + User.Hex + "\",\"fills\":[" + fills + "]}}";
    }

    private static async Task<T> Next<T>(HyperliquidWebSocketClient client)
        where T : WsMessage
    {
        using var cts = new CancellationTokenSource(Wait);
        await foreach (var message in client.Messages.ReadAllAsync(cts.Token))
        {
            if (message is T typed)
            {
                return typed;
            }
        }

        throw new ChannelClosedException();
    }
}
