using HyperMM.Core.Instruments;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.LocalExchange.Tests.Support;

namespace HyperMM.LocalExchange.Tests.EndToEnd;

/// <summary>
/// The project's Hyperliquid client (HyperliquidExchange: InfoClient, ExchangeClient, WebSocket client) against the
/// local exchange over real sockets: place, rest, fill, modify, cancel, and read fills and positions back over /info
/// and the WebSocket. Scripted ETH book 2999.9 / 3000.1. What every IExchange must do is specified once in the
/// contract (Contract/HyperliquidExchangeContractTests); these are the Hyperliquid-specific figures.
/// </summary>
public sealed class ClientEndToEndTests : IAsyncLifetime
{
    private static readonly Coin Eth = new("ETH");
    private TestVenue _v = null!;
    private Hyperliquid.HyperliquidExchange _client = null!;

    public async Task InitializeAsync()
    {
        _v = await TestVenue.StartAsync();
        _client = ClientFactory.Create(_v.Handle, _v.Account, _v.Http);
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _v.DisposeAsync();
    }

    [Fact]
    public async Task Instrument_FromMeta()
    {
        var spec = await _client.GetInstrumentAsync(Eth, default);
        Assert.Equal(1, spec.AssetId.Value);
        Assert.Equal(new HyperliquidPerpRules(4), spec.Rules);
        var hype = await _client.GetInstrumentAsync(new Coin("HYPE"), default);
        Assert.Equal(new HyperliquidPerpRules(2), hype.Rules);
        Assert.Equal(159, hype.AssetId.Value); // mainnet's index: the local meta lists the universe up to it
    }

    [Fact]
    public async Task PlaceRestFillByOutsideFlow_FillAndPositionOverRestAndWebSocket()
    {
        await _client.SubscribeAsync(Eth, default);
        var book = await ClientFactory.NextAsync<BookEvent>(_client);
        Assert.Equal(2999.9m, book.Book.Top.BidPrice);
        var snapshot = await ClientFactory.NextAsync<FillsEvent>(_client, f => f.IsSnapshot);
        Assert.Empty(snapshot.Fills);

        var cloid = new Cloid(0x1234);
        var placed = await _client.PlaceOrdersAsync([new OrderRequest(Eth, Side.Buy, 2999.5m, 0.01m, TimeInForce.Alo, false, cloid)], default);
        Assert.Equal(OrderResultKind.Resting, placed[0].Kind);
        var open = await ClientFactory.NextAsync<OrderUpdatesEvent>(_client, u => u.Updates.Any(x => x.Order.OrderId == placed[0].OrderId && x.State == OrderState.Open));
        Assert.Equal(cloid, open.Updates[0].Order.Cloid);

        var account = await _client.GetAccountAsync(Eth, default);
        Assert.Single(account.OpenOrders);
        Assert.Equal(0m, account.Position);

        // an outside seller trades 1 ETH at 2999.0, through our 2999.5 bid: we fill as maker at our price
        _v.Market.Trade("ETH", Side.Sell, 2999.0m, 1m, 4242);
        _v.Step();
        var fills = await ClientFactory.NextAsync<FillsEvent>(_client, f => !f.IsSnapshot);
        var fill = Assert.Single(fills.Fills);
        Assert.Equal(placed[0].OrderId, fill.OrderId);
        Assert.Equal(2999.5m, fill.Price);
        Assert.Equal(0.01m, fill.Size);
        Assert.False(fill.Crossed);
        // maker fee 0.015 %: 2999.5 x 0.01 x 0.00015 = 0.004499250 -> 0.004499 in USDC's 6 decimals
        Assert.Equal(0.004499m, fill.Fee);

        var rest = await _client.GetFillsAsync(0, default);
        Assert.Equal(fill.TradeId, Assert.Single(rest).TradeId);
        account = await _client.GetAccountAsync(Eth, default);
        Assert.Equal(0.01m, account.Position);
        Assert.Equal(2999.5m, account.EntryPrice);
        Assert.Empty(account.OpenOrders);
        Assert.Equal(OrderState.Filled, (await _client.GetOrderAsync(cloid, default)).State);
    }

    [Fact]
    public async Task RequestBudget_And_Leverage_AndScheduleCancelGate()
    {
        Assert.True(await _client.SetLeverageAsync(Eth, 5, true, default));
        var before = await _client.GetRequestBudgetAsync(default);
        await _client.PlaceOrdersAsync([new OrderRequest(Eth, Side.Buy, 2999.0m, 0.01m, TimeInForce.Alo, false, null)], default);
        var after = await _client.GetRequestBudgetAsync(default);
        Assert.Equal(before.Used + 1, after.Used);
        var scheduled = await _client.ScheduleCancelAsync(DateTimeOffset.UtcNow.AddMinutes(1), default);
        Assert.False(scheduled.Success);
        Assert.Equal(RejectReason.ScheduledCancelRefused, scheduled.Reason);
    }

    [Fact]
    public async Task PostOverWebSocket_PlacesOrders()
    {
        await using var wsClient = ClientFactory.Create(_v.Handle, _v.Account, _v.Http, postOverWebSocket: true);
        await wsClient.SubscribeAsync(Eth, default);
        var placed = await wsClient.PlaceOrdersAsync([new OrderRequest(Eth, Side.Buy, 2999.2m, 0.01m, TimeInForce.Alo, false, null)], default);
        Assert.Equal(OrderResultKind.Resting, placed[0].Kind);
        Assert.Single((await wsClient.GetAccountAsync(Eth, default)).OpenOrders);
    }

    [Fact]
    public async Task WebSocketDrop_ClientSeesInterruption_AndRestores()
    {
        await _client.SubscribeAsync(Eth, default);
        await ClientFactory.NextAsync<BookEvent>(_client);
        _v.Handle.Faults.DropWebSocketsNow();
        await ClientFactory.NextAsync<StreamInterruptedEvent>(_client);
        await ClientFactory.NextAsync<StreamRestoredEvent>(_client);
        _v.Market.Book("ETH", 3005.0m, 3005.2m, 0.1m);
        _v.Step();
        var book = await ClientFactory.NextAsync<BookEvent>(_client, b => b.Book.Top.BidPrice == 3005.0m);
        Assert.Equal(3005.2m, book.Book.Top.AskPrice);
    }
}
