using System.Text;
using System.Threading.Channels;
using HyperMM.Core.Instruments;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.Hyperliquid.Accounts;
using HyperMM.Hyperliquid.Actions;
using HyperMM.Hyperliquid.Exchange;
using HyperMM.Hyperliquid.Json;
using HyperMM.Hyperliquid.Signing;
using HyperMM.Hyperliquid.Streaming;
using HyperMM.Hyperliquid.Tests.Info;
using HyperMM.Hyperliquid.Tests.Streaming;

namespace HyperMM.Hyperliquid.Tests;

/// <summary>
/// <see cref="HyperliquidExchange"/> (Core's IExchange) against a Kestrel server speaking the venue's HTTP and
/// WebSocket shapes (recorded /info answers; /exchange verifies the signature like the venue).
/// </summary>
public sealed class HyperliquidExchangeTests : IAsyncLifetime, IDisposable
{
    private static readonly PrivateKey Key = PrivateKey.Parse("0x0123456789012345678901234567890123456789012345678901234567890123");
    private readonly List<ExchangeRequest> _actions = [];
    private TestWsServer _server = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _server = await TestWsServer.StartAsync();
        _server.OnHttp = Answer;
        _server.OnFrame = (_, text) => text.Contains("\"userFills\"", StringComparison.Ordinal) && text.Contains("subscribe", StringComparison.Ordinal)
            ? [Encoding.UTF8.GetBytes("""{"channel":"userFills","data":{"isSnapshot":true,"user":"0x14791697260e4c9a71f18484c9f997b308e59325","fills":[{"coin":"ETH","px":"2000.0","sz":"0.01","side":"B","time":5,"startPosition":"0.0","dir":"Open Long","closedPnl":"0.0","hash":"0x00","oid":7,"crossed":false,"fee":"-0.0001","tid":99,"feeToken":"USDC"}]}}""")]
            : text.Contains("\"l2Book\"", StringComparison.Ordinal) && text.Contains("subscribe", StringComparison.Ordinal)
                ? [Encoding.UTF8.GetBytes("""{"channel":"l2Book","data":{"coin":"ETH","time":9,"levels":[[{"px":"1999.9","sz":"1.0","n":1}],[{"px":"2000.1","sz":"2.0","n":3}]]}}""")]
                : [];
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Instruments_Orders_Cancels_AndAccount_GoThroughTheVenueShapes()
    {
        await using var exchange = Create();
        var eth = await exchange.GetInstrumentAsync(new Coin("ETH"), CancellationToken.None);
        Assert.Equal(new AssetId(1), eth.AssetId);
        Assert.Equal(new HyperliquidPerpRules(4), eth.Rules);

        var placed = await exchange.PlaceOrdersAsync(
            [
                new OrderRequest(new Coin("ETH"), Side.Buy, 1999.5m, 0.05m, TimeInForce.Alo, false, new Cloid(10)),
                new OrderRequest(new Coin("ETH"), Side.Sell, 2000.50m, 0.0500m, TimeInForce.Alo, false, new Cloid(11)),
            ],
            CancellationToken.None);
        Assert.Equal([OrderResultKind.Resting, OrderResultKind.Resting], placed.Select(r => r.Kind));
        Assert.Equal([new OrderId(1000), new OrderId(1001)], placed.Select(r => r.OrderId));
        var order = Assert.IsType<OrderAction>(_actions[0].Action);
        Assert.Equal("2000.5", Wire.WireNumber.Format(order.Orders[1].Price));
        Assert.Equal(new AssetId(1), order.Orders[0].Asset);

        var cancels = await exchange.CancelOrdersAsync(
            [new CancelRequest(new Coin("ETH"), new OrderId(1000), null), new CancelRequest(new Coin("ETH"), null, new Cloid(11))],
            CancellationToken.None);
        Assert.All(cancels, c => Assert.True(c.Success));
        Assert.IsType<CancelAction>(_actions[1].Action);
        Assert.IsType<CancelByCloidAction>(_actions[2].Action);

        var gated = await exchange.ScheduleCancelAsync(DateTimeOffset.FromUnixTimeMilliseconds(1_900_000_000_000), CancellationToken.None);
        Assert.Equal(RejectReason.ScheduledCancelRefused, gated.Reason);

        var account = await exchange.GetAccountAsync(new Coin("BTC"), CancellationToken.None);
        Assert.Equal(-0.00785m, account.Position);
        Assert.Equal(26951.0m, account.EntryPrice);
        Assert.Equal(1182.312496m, account.AccountValue);

        var lookup = await exchange.GetOrderAsync(new Cloid(42), CancellationToken.None);
        Assert.Equal(OrderState.Unknown, lookup.State);
        Assert.All(_actions, a => Assert.Equal(Key.Address, a.RecoverSigner(isMainnet: false)));
    }

    [Fact]
    public async Task Events_Book_SnapshotFills_InterruptedAndRestored()
    {
        await using var exchange = Create();
        await exchange.SubscribeAsync(new Coin("ETH"), CancellationToken.None);
        var book = await Next<BookEvent>(exchange);
        Assert.Equal(1999.9m, book.Book.Bids[0].Price);
        var fills = await Next<FillsEvent>(exchange);
        Assert.True(fills.IsSnapshot);
        Assert.Equal(99, Assert.Single(fills.Fills).TradeId);

        _server.Drop(1);
        await Next<StreamInterruptedEvent>(exchange);
        await Next<StreamRestoredEvent>(exchange);
    }

    [Fact]
    public async Task PostOverWebSocket_UsesTheSocketWhenConnected()
    {
        _server.OnFrame = (_, text) =>
        {
            if (!text.Contains("\"method\":\"post\"", StringComparison.Ordinal))
            {
                return [];
            }

            var root = System.Text.Json.JsonDocument.Parse(text).RootElement;
            var request = ExchangeRequestJson.Parse(root.GetProperty("request").GetProperty("payload").GetRawText());
            lock (_actions)
            {
                _actions.Add(request);
            }

            return [WsMessages.WritePostResponse(root.GetProperty("id").GetInt64(), "action", ExchangeResponse.Default.ToUtf8())];
        };
        await using var exchange = Create(postOverWebSocket: true);
        await exchange.SubscribeAsync(new Coin("ETH"), CancellationToken.None);
        Assert.True(await exchange.SetLeverageAsync(new Coin("ETH"), 5, true, CancellationToken.None));
        var action = Assert.IsType<UpdateLeverageAction>(Assert.Single(_actions).Action);
        Assert.Equal(new UpdateLeverageAction(new AssetId(1), true, 5), action);
    }

    private HyperliquidExchange Create(bool postOverWebSocket = false)
    {
        var endpoint = HyperliquidEndpoint.Custom(new Uri(_server.Uri.ToString().Replace("ws://", "http://", StringComparison.Ordinal).Replace("/ws", "/", StringComparison.Ordinal)), isMainnet: false);
        var options = new HyperliquidExchangeOptions(endpoint, new TradingAccount(Key))
        {
            PostOverWebSocket = postOverWebSocket,
            WebSocket = new WebSocketClientOptions { MinReconnectDelay = TimeSpan.FromMilliseconds(50) },
        };
        return new HyperliquidExchange(options, _http, TimeProvider.System);
    }

    private (int, string) Answer(string path, string body)
    {
        if (path == "/exchange")
        {
            var request = ExchangeRequestJson.Parse(body);
            lock (_actions)
            {
                _actions.Add(request);
            }

            var response = request.Action switch
            {
                OrderAction o => ExchangeResponse.Order([.. o.Orders.Select((w, i) => ExchangeStatus.Resting(new OrderId(1000 + i), w.Cloid))]),
                CancelAction c => ExchangeResponse.Cancel([.. c.Cancels.Select(_ => ExchangeStatus.Success)]),
                CancelByCloidAction c => ExchangeResponse.Cancel([.. c.Cancels.Select(_ => ExchangeStatus.Success)]),
                ScheduleCancelAction => ExchangeResponse.Err("Cannot set scheduled cancel time until enough volume traded. Required: $1000000. Traded: $0.0."),
                _ => ExchangeResponse.Default,
            };
            return (200, Encoding.UTF8.GetString(response.ToUtf8()));
        }

        var type = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("type").GetString();
        return type switch
        {
            "meta" => (200, Encoding.UTF8.GetString(Cassette.Response("test_get_info", "meta"))),
            "clearinghouseState" => (200, Encoding.UTF8.GetString(Cassette.Response("test_get_user_state", "clearinghouseState"))),
            "frontendOpenOrders" => (200, "[]"),
            "orderStatus" => (200, """{"status":"unknownOid"}"""),
            _ => (422, "Failed to deserialize the JSON body into the target type"),
        };
    }

    private static async Task<T> Next<T>(HyperliquidExchange exchange)
        where T : ExchangeEvent
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await foreach (var ev in exchange.Events.ReadAllAsync(cts.Token))
        {
            if (ev is T typed)
            {
                return typed;
            }
        }

        throw new ChannelClosedException();
    }
}
