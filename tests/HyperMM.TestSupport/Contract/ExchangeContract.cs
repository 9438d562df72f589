using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using Xunit;
using static HyperMM.TestSupport.Contract.ContractMarket;

namespace HyperMM.TestSupport.Contract;

/// <summary>
/// The specification of <see cref="IExchange"/>, run against every implementation (the simulator, the Hyperliquid
/// client against the local exchange over loopback, the loop tests' fake). A subclass starts its implementation on
/// <see cref="ContractMarket"/> and drives the outside market and the venue clock; differences that are legitimate
/// are <see cref="ExchangeCapabilities"/>, never skipped tests. Expected values follow from the market: ETH ticks
/// 0.1 at 3,000 (5 significant figures), lots of 0.0001, a $10 minimum, a 5-ETH touch.
/// </summary>
public abstract class ExchangeContract : IAsyncLifetime
{
    private static readonly TimeSpan EventDeadline = TimeSpan.FromSeconds(30);
    private IExchange? _exchange;

    protected IExchange Exchange => _exchange ?? throw new InvalidOperationException("not started");

    protected abstract ExchangeCapabilities Capabilities { get; }

    /// <summary>The venue's clock (Unix ms).</summary>
    protected abstract long VenueNowMs { get; }

    /// <summary>
    /// Starts the venue with <see cref="ContractMarket"/>'s book, a fresh account funded with
    /// <see cref="ContractMarket.AccountUsdc"/>, order answers without latency and scheduleCancel without a volume
    /// gate; returns the exchange trading that account.
    /// </summary>
    protected abstract Task<IExchange> StartAsync();

    /// <summary>Stops the venue (after the exchange is disposed).</summary>
    protected abstract Task StopAsync();

    /// <summary>The outside market publishes its (unchanged) book again.</summary>
    protected abstract ValueTask PublishBookAsync();

    /// <summary>An outside trade prints: <paramref name="aggressor"/> took <paramref name="size"/> at <paramref name="price"/>.</summary>
    protected abstract ValueTask OutsideTradeAsync(Side aggressor, decimal price, decimal size);

    /// <summary>Venue time passes.</summary>
    protected abstract ValueTask AdvanceAsync(TimeSpan elapsed);

    /// <summary>Lets the venue hand over the events due now (a simulator's delivery step); nothing for a live venue.</summary>
    protected virtual ValueTask DeliverAsync() => ValueTask.CompletedTask;

    public async Task InitializeAsync() => _exchange = await StartAsync();

    public async Task DisposeAsync()
    {
        if (_exchange is not null)
        {
            await _exchange.DisposeAsync();
        }

        await StopAsync();
    }

    [Fact]
    public async Task GetInstrument_ListedCoin_CarriesTheVenueRules()
    {
        var spec = await Exchange.GetInstrumentAsync(Eth, default);
        Assert.Equal(Eth, spec.Coin);
        Assert.True(spec.IsValidPrice(BestBid));
        Assert.False(spec.IsValidPrice(2999.95m)); // 6 significant figures
        Assert.True(spec.IsValidSize(0.01m));
        Assert.False(spec.IsValidSize(0.00001m)); // below the 0.0001 lot
        Assert.Equal(BestBid, spec.RoundPrice(2999.94m, Core.Instruments.RoundingDirection.Down));
        Assert.True(spec.MaxLeverage >= 1);
        Assert.Equal(spec, await Exchange.GetInstrumentAsync(Eth, default));
    }

    [Fact]
    public async Task GetInstrument_UnlistedCoin_Throws() =>
        await Assert.ThrowsAsync<ArgumentException>(async () => await Exchange.GetInstrumentAsync(new Coin("NOPE"), default));

    [Fact]
    public async Task Subscribe_PushesTheCoinsBook_AndGetBookAgrees()
    {
        await Exchange.SubscribeAsync(Eth, default);
        if (!Capabilities.BookSnapshotOnSubscribe)
        {
            await PublishBookAsync();
        }

        var pushed = await NextAsync<BookEvent>(b => b.Book.Coin == Eth);
        Assert.Equal(BestBid, pushed.Book.Top.BidPrice);
        Assert.Equal(BestAsk, pushed.Book.Top.AskPrice);
        Assert.Equal(LevelSize, pushed.Book.Top.BidSize);
        var book = await Exchange.GetBookAsync(Eth, default);
        Assert.Equal((BestBid, BestAsk), (book.Top.BidPrice, book.Top.AskPrice));
    }

    [Fact]
    public async Task GetAccount_FreshAccount_IsFlatFundedAndWithoutOrders()
    {
        var account = await Exchange.GetAccountAsync(Eth, default);
        Assert.Equal(Exchange.Account, account.Account);
        Assert.Equal(Eth, account.Coin);
        Assert.Equal(0m, account.Position);
        Assert.Empty(account.OpenOrders);
        Assert.Equal(AccountUsdc, account.AccountValue);
        Assert.Equal(0m, account.MarginUsed);
    }

    [Fact]
    public async Task Place_BehindTheTouch_RestsIsListedAndPushedAsOpen()
    {
        await Exchange.SubscribeAsync(Eth, default);
        var cloid = new Cloid(0xC0);
        var result = Assert.Single(await PlaceAsync(new OrderRequest(Eth, Side.Buy, 2999.5m, 0.01m, TimeInForce.Alo, false, cloid)));
        Assert.Equal(OrderResultKind.Resting, result.Kind);
        Assert.Equal(cloid, result.Cloid);

        var open = Assert.Single((await Exchange.GetAccountAsync(Eth, default)).OpenOrders);
        Assert.Equal((result.OrderId, (Cloid?)cloid, Side.Buy, 2999.5m, 0.01m), (open.OrderId, open.Cloid, open.Side, open.Price, open.Size));
        var lookup = await Exchange.GetOrderAsync(cloid, default);
        Assert.Equal(OrderState.Open, lookup.State);
        Assert.Equal(result.OrderId, lookup.Order!.OrderId);
        await NextAsync<OrderUpdatesEvent>(u => u.Updates.Any(x => x.Order.OrderId == result.OrderId && x.State == OrderState.Open));
    }

    [Fact]
    public async Task Place_CrossingGtc_FillsAtTheTouch_AndPushesOurFill()
    {
        await Exchange.SubscribeAsync(Eth, default);
        var cloid = new Cloid(0xC1);
        var result = Assert.Single(await PlaceAsync(new OrderRequest(Eth, Side.Buy, BestAsk, 0.01m, TimeInForce.Gtc, false, cloid)));
        Assert.Equal(OrderResultKind.Filled, result.Kind);
        Assert.Equal((0.01m, BestAsk), (result.FilledSize, result.AveragePrice));

        var pushed = await NextAsync<FillsEvent>(f => !f.IsSnapshot && f.Fills.Any(x => x.OrderId == result.OrderId));
        var fill = Assert.Single(pushed.Fills, x => x.OrderId == result.OrderId);
        Assert.Equal((Side.Buy, BestAsk, 0.01m, true, (Cloid?)cloid), (fill.Side, fill.Price, fill.Size, fill.Crossed, fill.Cloid));
        Assert.True(fill.Fee > 0m); // a taker pays
        Assert.Equal(0.01m, (await Exchange.GetAccountAsync(Eth, default)).Position);
        Assert.Equal(OrderState.Filled, (await Exchange.GetOrderAsync(cloid, default)).State);
        Assert.Equal(fill.TradeId, Assert.Single(await Exchange.GetFillsAsync(0, default)).TradeId);
    }

    [Fact]
    public async Task Place_IocWithNothingToTake_IsRejected()
    {
        var result = Assert.Single(await PlaceAsync(new OrderRequest(Eth, Side.Buy, 2999.0m, 0.01m, TimeInForce.Ioc, false, null)));
        Assert.Equal(OrderResultKind.Rejected, result.Kind);
        Assert.Equal(RejectReason.IocNoMatch, result.Reason);
    }

    [Fact]
    public async Task Place_InvalidOrders_AreRejectedWithTheirReason_AndChangeNothing()
    {
        var results = await PlaceAsync(
            new OrderRequest(Eth, Side.Buy, 2999.95m, 0.01m, TimeInForce.Alo, false, null),   // 6 significant figures
            new OrderRequest(Eth, Side.Buy, 2999.0m, 0.0016m, TimeInForce.Alo, false, null),   // $4.80
            new OrderRequest(Eth, Side.Buy, BestAsk, 0.01m, TimeInForce.Alo, false, null),     // post-only at the ask
            new OrderRequest(Eth, Side.Buy, 2999.0m, 0.00001m, TimeInForce.Alo, false, null)); // off the lot
        Assert.Equal([RejectReason.TickSize, RejectReason.MinNotional, RejectReason.PostOnlyWouldCross, RejectReason.InvalidSize], results.Select(r => r.Reason));
        Assert.All(results, r => Assert.Equal(OrderResultKind.Rejected, r.Kind));
        var account = await Exchange.GetAccountAsync(Eth, default);
        Assert.Empty(account.OpenOrders);
        Assert.Equal(0m, account.Position);
        Assert.Empty(await Exchange.GetFillsAsync(0, default));
    }

    [Fact]
    public async Task Modify_ByOid_ReplacesPriceSizeAndCloid()
    {
        var placed = Assert.Single(await PlaceAsync(new OrderRequest(Eth, Side.Sell, 3001.0m, 0.02m, TimeInForce.Alo, false, new Cloid(0xD0))));
        var modified = Assert.Single(await Exchange.ModifyOrdersAsync(
            [new ModifyRequest(placed.OrderId, null, new OrderRequest(Eth, Side.Sell, 3002.0m, 0.03m, TimeInForce.Alo, false, new Cloid(0xD1)))], default));
        Assert.True(modified.IsAccepted, modified.Message);
        var order = Assert.Single((await Exchange.GetAccountAsync(Eth, default)).OpenOrders);
        Assert.Equal((3002.0m, 0.03m, (Cloid?)new Cloid(0xD1)), (order.Price, order.Size, order.Cloid));
        Assert.Equal(OrderState.Open, (await Exchange.GetOrderAsync(new Cloid(0xD1), default)).State);
    }

    [Fact]
    public async Task Modify_ByCloid_ReplacesTheOrder()
    {
        Assert.Single(await PlaceAsync(new OrderRequest(Eth, Side.Buy, 2999.0m, 0.02m, TimeInForce.Alo, false, new Cloid(0xD2))));
        var modified = Assert.Single(await Exchange.ModifyOrdersAsync(
            [new ModifyRequest(null, new Cloid(0xD2), new OrderRequest(Eth, Side.Buy, 2998.0m, 0.02m, TimeInForce.Alo, false, new Cloid(0xD3)))], default));
        Assert.True(modified.IsAccepted, modified.Message);
        Assert.Equal(2998.0m, Assert.Single((await Exchange.GetAccountAsync(Eth, default)).OpenOrders).Price);
    }

    [Fact]
    public async Task Modify_UnknownOrder_IsOrderNotFound()
    {
        var modified = Assert.Single(await Exchange.ModifyOrdersAsync(
            [new ModifyRequest(new OrderId(987_654_321), null, new OrderRequest(Eth, Side.Buy, 2999.0m, 0.01m, TimeInForce.Alo, false, null))], default));
        Assert.Equal((OrderResultKind.Rejected, RejectReason.OrderNotFound), (modified.Kind, modified.Reason));
    }

    [Fact]
    public async Task Cancel_ByOid_RemovesTheOrder_AndASecondCancelFindsNothing()
    {
        var cloid = new Cloid(0xE0);
        var placed = Assert.Single(await PlaceAsync(new OrderRequest(Eth, Side.Buy, 2999.0m, 0.01m, TimeInForce.Alo, false, cloid)));
        var cancelled = Assert.Single(await Exchange.CancelOrdersAsync([new CancelRequest(Eth, placed.OrderId, null)], default));
        Assert.True(cancelled.Success, cancelled.Message);
        Assert.Empty((await Exchange.GetAccountAsync(Eth, default)).OpenOrders);
        Assert.Equal(OrderState.Canceled, (await Exchange.GetOrderAsync(cloid, default)).State);

        var again = Assert.Single(await Exchange.CancelOrdersAsync([new CancelRequest(Eth, placed.OrderId, null)], default));
        Assert.Equal(RejectReason.OrderNotFound, again.Reason);
        Assert.True(again.OrderGone);
    }

    [Fact]
    public async Task Cancel_ByCloid_RemovesTheOrder()
    {
        var cloid = new Cloid(0xE1);
        Assert.Single(await PlaceAsync(new OrderRequest(Eth, Side.Sell, 3001.0m, 0.01m, TimeInForce.Alo, false, cloid)));
        var cancelled = Assert.Single(await Exchange.CancelOrdersAsync([new CancelRequest(Eth, null, cloid)], default));
        Assert.True(cancelled.Success, cancelled.Message);
        Assert.Empty((await Exchange.GetAccountAsync(Eth, default)).OpenOrders);
    }

    [Fact]
    public async Task Cancel_UnknownOrders_AreOrderNotFound()
    {
        var results = await Exchange.CancelOrdersAsync(
            [new CancelRequest(Eth, new OrderId(987_654_321), null), new CancelRequest(Eth, null, new Cloid(0xE2))], default);
        Assert.Equal([RejectReason.OrderNotFound, RejectReason.OrderNotFound], results.Select(r => r.Reason));
        Assert.All(results, r => Assert.False(r.Success));
    }

    [Fact]
    public async Task GetOrder_NeverPlacedCloid_IsUnknown()
    {
        var lookup = await Exchange.GetOrderAsync(new Cloid(0xF0), default);
        Assert.Equal(OrderState.Unknown, lookup.State);
        Assert.Null(lookup.Order);
    }

    [Fact]
    public async Task GetFills_SinceATime_OldestFirst_EachOnce()
    {
        var bought = Assert.Single(await PlaceAsync(new OrderRequest(Eth, Side.Buy, BestAsk, 0.01m, TimeInForce.Gtc, false, null)));
        await AdvanceAsync(TimeSpan.FromSeconds(2));
        var sold = Assert.Single(await PlaceAsync(new OrderRequest(Eth, Side.Sell, BestBid, 0.01m, TimeInForce.Gtc, false, null)));
        Assert.Equal((OrderResultKind.Filled, OrderResultKind.Filled), (bought.Kind, sold.Kind));

        var all = await Exchange.GetFillsAsync(0, default);
        Assert.Equal([bought.OrderId, sold.OrderId], all.Select(f => f.OrderId));
        Assert.True(all[0].TimeMs + 2_000 <= all[1].TimeMs, "the second fill is two seconds later");
        Assert.Equal(all.Count, all.Select(f => f.TradeId).Distinct().Count());
        var since = await Exchange.GetFillsAsync(all[1].TimeMs, default);
        Assert.Equal(all[1].TradeId, Assert.Single(since).TradeId);
        Assert.Equal(0m, (await Exchange.GetAccountAsync(Eth, default)).Position);
    }

    [Fact]
    public async Task OutsideTradeThroughOurBid_FillsUsAsMaker_AndPushesTheFill()
    {
        await Exchange.SubscribeAsync(Eth, default);
        var cloid = new Cloid(0xF1);
        var placed = Assert.Single(await PlaceAsync(new OrderRequest(Eth, Side.Buy, 2999.5m, 0.01m, TimeInForce.Alo, false, cloid)));
        await OutsideTradeAsync(Side.Sell, 2999.0m, 1m);

        var pushed = await NextAsync<FillsEvent>(f => !f.IsSnapshot && f.Fills.Any(x => x.OrderId == placed.OrderId));
        var fill = Assert.Single(pushed.Fills, x => x.OrderId == placed.OrderId);
        Assert.Equal((2999.5m, 0.01m, false), (fill.Price, fill.Size, fill.Crossed)); // at our price, as maker
        Assert.Equal(OrderState.Filled, (await Exchange.GetOrderAsync(cloid, default)).State);
        Assert.Empty((await Exchange.GetAccountAsync(Eth, default)).OpenOrders);
    }

    [Fact]
    public async Task RequestBudget_EveryOrderOfABatchCounts()
    {
        var before = await Exchange.GetRequestBudgetAsync(default);
        await PlaceAsync(
            new OrderRequest(Eth, Side.Buy, 2999.0m, 0.01m, TimeInForce.Alo, false, null),
            new OrderRequest(Eth, Side.Sell, 3001.0m, 0.01m, TimeInForce.Alo, false, null));
        var after = await Exchange.GetRequestBudgetAsync(default);
        Assert.Equal(before.Used + 2, after.Used);
        Assert.True(after.Remaining > 0);
    }

    [Fact]
    public async Task ScheduleCancel_LessThanFiveSecondsAhead_IsRefused()
    {
        var result = await Exchange.ScheduleCancelAsync(At(TimeSpan.FromSeconds(1)), default);
        Assert.Equal((false, RejectReason.ScheduledCancelRefused), (result.Success, result.Reason));
    }

    [Fact]
    public async Task ScheduleCancel_WhenDue_TakesOurOrdersOffTheBook()
    {
        var cloid = new Cloid(0xF2);
        Assert.Single(await PlaceAsync(new OrderRequest(Eth, Side.Buy, 2999.0m, 0.01m, TimeInForce.Alo, false, cloid)));
        var scheduled = await Exchange.ScheduleCancelAsync(At(TimeSpan.FromSeconds(10)), default);
        Assert.True(scheduled.Success, scheduled.Message);

        await AdvanceAsync(TimeSpan.FromSeconds(11));
        Assert.Empty((await Exchange.GetAccountAsync(Eth, default)).OpenOrders);
        var state = (await Exchange.GetOrderAsync(cloid, default)).State;
        Assert.True(state is not (OrderState.Open or OrderState.Unknown), $"the order is {state}");
    }

    [Fact]
    public async Task ScheduleCancel_Cleared_DoesNotFire()
    {
        Assert.Single(await PlaceAsync(new OrderRequest(Eth, Side.Buy, 2999.0m, 0.01m, TimeInForce.Alo, false, null)));
        Assert.True((await Exchange.ScheduleCancelAsync(At(TimeSpan.FromSeconds(10)), default)).Success);
        var cleared = await Exchange.ScheduleCancelAsync(null, default);
        Assert.True(cleared.Success, cleared.Message);

        await AdvanceAsync(TimeSpan.FromSeconds(11));
        Assert.Single((await Exchange.GetAccountAsync(Eth, default)).OpenOrders);
    }

    [Fact]
    public async Task SetLeverage_UpToTheMaximum_IsAccepted_AboveIsRefused()
    {
        var max = (await Exchange.GetInstrumentAsync(Eth, default)).MaxLeverage;
        Assert.True(await Exchange.SetLeverageAsync(Eth, 5, true, default));
        Assert.True(await Exchange.SetLeverageAsync(Eth, max, true, default));
        Assert.False(await Exchange.SetLeverageAsync(Eth, max + 1, true, default));
    }

    [Fact]
    public async Task Dispose_EndsTheEventStream_AndTwiceIsHarmless()
    {
        await Exchange.SubscribeAsync(Eth, default);
        await Exchange.DisposeAsync();
        while (Exchange.Events.TryRead(out _))
        {
        }

        using var deadline = new CancellationTokenSource(EventDeadline);
        Assert.False(await Exchange.Events.WaitToReadAsync(deadline.Token));
        await Exchange.DisposeAsync();
    }

    /// <summary>A time <paramref name="ahead"/> of the venue's clock.</summary>
    protected DateTimeOffset At(TimeSpan ahead) => DateTimeOffset.FromUnixTimeMilliseconds(VenueNowMs) + ahead;

    protected async Task<IReadOnlyList<OrderResult>> PlaceAsync(params OrderRequest[] orders)
    {
        var results = await Exchange.PlaceOrdersAsync(orders, default);
        Assert.Equal(orders.Length, results.Count);
        return results;
    }

    /// <summary>
    /// The next pushed event of type <typeparamref name="T"/> that matches, reading past others. Synchronous
    /// implementations must already hold it after <see cref="DeliverAsync"/>; asynchronous ones get 30 s.
    /// </summary>
    protected async Task<T> NextAsync<T>(Func<T, bool> match)
        where T : ExchangeEvent
    {
        ArgumentNullException.ThrowIfNull(match);
        await DeliverAsync();
        using var deadline = new CancellationTokenSource(EventDeadline);
        while (true)
        {
            while (Exchange.Events.TryRead(out var e))
            {
                if (e is T t && match(t))
                {
                    return t;
                }
            }

            Assert.True(Capabilities.EventsArriveAsynchronously, $"no matching {typeof(T).Name} was pushed");
            Assert.True(await Exchange.Events.WaitToReadAsync(deadline.Token), $"the event stream ended before a matching {typeof(T).Name}");
        }
    }
}
