using HyperMM.Core.Instruments;
using HyperMM.Core.Market;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;

namespace HyperMM.Simulation.Matching;

/// <summary>
/// A venue-like matching engine for several accounts and one or more perps: price-time priority, Alo/Gtc/Ioc,
/// reduce-only, partial fills, positions and PnL, maker/taker fees, margin under leverage, the venue's price/size
/// rules and error texts. Outside liquidity (a replayed or synthetic market) joins through
/// <see cref="ApplyOutsideBook"/> and <see cref="ApplyOutsideTrade"/>. Thread-safe: every public member takes one lock.
/// Time comes only from the <see cref="TimeProvider"/>.
/// <para>
/// The engine is the venue's front door: it takes the lock, fires due scheduled cancels and hands the request to the
/// part that owns the state: <see cref="SimMarkets"/> (books), <see cref="SimAccounts"/> (ledgers and margin),
/// <see cref="SimOrders"/> (every order and its life), <see cref="SimExecutions"/> (matching and fills),
/// <see cref="SimOrderDesk"/> (order entry), <see cref="SimOutsideMarket"/> (outside snapshots and prints) and
/// <see cref="SimDeadManSwitch"/> (scheduled cancels).
/// </para>
/// </summary>
public sealed class MatchingEngine
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly SimMarkets _markets;
    private readonly SimAccounts _accounts;
    private readonly SimOrders _orders;
    private readonly SimOrderDesk _desk;
    private readonly SimOutsideMarket _outside;
    private readonly SimDeadManSwitch _deadMan;

    public MatchingEngine(IEnumerable<InstrumentSpec> instruments, MatchingEngineOptions? options = null, IMatchingEventSink? sink = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        Options = options ?? new MatchingEngineOptions();
        sink ??= NullMatchingEventSink.Instance;
        _time = time ?? TimeProvider.System;
        _markets = new SimMarkets(instruments, Options, sink);
        _accounts = new SimAccounts(_markets, Options);
        _orders = new SimOrders(_accounts, sink, Options.FirstOrderId);
        var executions = new SimExecutions(_accounts, _orders, Options, sink, Options.FirstTradeId);
        _desk = new SimOrderDesk(_markets, _accounts, _orders, executions, Options);
        _outside = new SimOutsideMarket(executions, Options, sink);
        _deadMan = new SimDeadManSwitch(_accounts, _markets, _orders, Options);
    }

    public MatchingEngineOptions Options { get; }

    public IReadOnlyList<InstrumentSpec> Instruments => _markets.Instruments;

    public bool TryGetInstrument(Coin coin, out InstrumentSpec spec)
    {
        var found = _markets.TryGet(coin, out var book);
        spec = book?.Spec!;
        return found;
    }

    /// <summary>Credits USDC to an account (creating it); a negative amount withdraws.</summary>
    public void Deposit(Address account, decimal usdc)
    {
        lock (_gate)
        {
            _accounts.Ledger(account).Deposits += usdc;
        }
    }

    /// <summary>
    /// Sets the leverage and margin mode (cross, or isolated when <paramref name="isCross"/> is false) of a coin for
    /// an account, as <c>updateLeverage</c> does. Null when done; else the venue's error text: leverage outside
    /// 1..max leverage or an unknown coin, or a cross ⇄ isolated switch while a position is open. Both modes use
    /// the same initial-margin check here; isolated is what the account reads back.
    /// </summary>
    public string? SetLeverage(Address account, Coin coin, int leverage, bool isCross = true)
    {
        lock (_gate)
        {
            if (!_markets.TryGet(coin, out var book) || leverage < 1 || leverage > book.Spec.MaxLeverage)
            {
                return VenueErrors.InvalidLeverage;
            }

            var ledger = _accounts.Ledger(account);
            if (ledger.IsIsolated(coin) == isCross && ledger.SizeOf(coin) != 0m)
            {
                return VenueErrors.LeverageTypeSwitch;
            }

            ledger.Leverage[coin] = leverage;
            if (isCross)
            {
                ledger.Isolated.Remove(coin);
            }
            else
            {
                ledger.Isolated.Add(coin);
            }

            return null;
        }
    }

    /// <summary>Runs due timers (scheduled cancels). Call it when time advances without other calls.</summary>
    public void AdvanceTime()
    {
        lock (_gate)
        {
            _deadMan.Fire(NowMs);
        }
    }

    /// <summary>Places one order for <paramref name="account"/>; venue outcomes (including errors) are values.</summary>
    public OrderResult Place(Address account, OrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            var now = Now();
            return _markets.TryGet(request.Coin, out var book)
                ? _desk.Place(_accounts.Ledger(account), book, request, now, modify: false)
                : OrderResult.Rejected(RejectReason.Unknown, "Unknown coin " + request.Coin.Name + ".", request.Cloid);
        }
    }

    /// <summary>Places several orders in sequence (one venue batch); one result per order.</summary>
    public IReadOnlyList<OrderResult> PlaceBatch(Address account, IReadOnlyList<OrderRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        lock (_gate)
        {
            var results = new OrderResult[requests.Count];
            for (var i = 0; i < requests.Count; i++)
            {
                results[i] = Place(account, requests[i]);
            }

            return results;
        }
    }

    /// <summary>
    /// Replaces a resting order (by oid, else by cloid). Without the venue's always-place flag the new order must
    /// not cross: Gtc and Ioc are treated as Alo. If the new order is refused, the old one stays where it was.
    /// </summary>
    public OrderResult Modify(Address account, ModifyRequest modify)
    {
        ArgumentNullException.ThrowIfNull(modify);
        lock (_gate)
        {
            var now = Now();
            var ledger = _accounts.Ledger(account);
            var request = modify.Order;
            return _markets.TryGet(request.Coin, out var book)
                ? _desk.Modify(ledger, book, modify, now)
                : OrderResult.Rejected(RejectReason.Unknown, "Unknown coin " + request.Coin.Name + ".", request.Cloid);
        }
    }

    /// <summary>Cancels a resting order by oid.</summary>
    public CancelResult Cancel(Address account, Coin coin, OrderId orderId) => Cancel(account, coin, orderId, null);

    /// <summary>Cancels a resting order by cloid.</summary>
    public CancelResult CancelByCloid(Address account, Coin coin, Cloid cloid) => Cancel(account, coin, null, cloid);

    /// <summary>
    /// Sets (or with null clears) the dead-man switch. Refused until the account has traded the volume gate, and
    /// when the time is less than 5 s away (whole-action errors, no asset suffix).
    /// </summary>
    public CancelResult ScheduleCancel(Address account, long? atMs)
    {
        lock (_gate)
        {
            var now = Now();
            return _deadMan.Schedule(_accounts.Ledger(account), atMs, now);
        }
    }

    /// <summary>How many times the account's scheduled cancel has fired.</summary>
    public int ScheduledCancelTriggers(Address account)
    {
        lock (_gate)
        {
            return _accounts.Ledger(account).ScheduledCancelTriggers;
        }
    }

    /// <summary>
    /// A new L2 snapshot of the outside market (size that belongs to no simulated account). Resting account orders
    /// keep their place: their queue ahead follows <see cref="MatchingEngineOptions.QueueModel"/>. A snapshot never
    /// fills anything, even when the outside book has moved to or through one of our orders: only trade prints are
    /// evidence of an execution. The outside orders priced at or through our best order on the other side are moved
    /// just beyond it instead (<see cref="OutsideRepricing"/>), so the merged book is never locked or crossed by an
    /// account order (docs/SIMULATION.md §2, "Book moving through us").
    /// </summary>
    public void ApplyOutsideBook(OrderBookSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_gate)
        {
            var now = Now();
            var book = _markets.Get(snapshot.Coin);
            _outside.ApplyBook(book, snapshot);
            _markets.Publish(book, now);
        }
    }

    /// <summary>
    /// A trade printed by the outside market (aggressor side as the venue reports it). It is forwarded to the sink,
    /// then its volume is walked through our resting orders on the passive side in price-time priority, as if they
    /// had been in the book when the taker came: orders priced strictly better than the print first (the taker met
    /// them before reaching the print's price), best price first, then orders at the print's price, each only after
    /// the outside queue still ahead of it. No order ever fills more than what is left of the print.
    /// </summary>
    public void ApplyOutsideTrade(Trade trade)
    {
        lock (_gate)
        {
            var now = Now();
            var book = _markets.Get(trade.Coin);
            if (_outside.ApplyTrade(book, trade, now))
            {
                _markets.Publish(book, now);
            }
        }
    }

    /// <summary>The merged (outside + accounts) L2 book of a coin.</summary>
    public OrderBookSnapshot GetBook(Coin coin)
    {
        lock (_gate)
        {
            return _markets.Get(coin).Snapshot(Options.BookDepth, NowMs);
        }
    }

    /// <summary>Best bid and ask of the merged book (0 where a side is empty).</summary>
    public TopOfBook GetTopOfBook(Coin coin)
    {
        lock (_gate)
        {
            var book = _markets.Get(coin);
            return new TopOfBook(book.Best(Side.Buy), 0m, book.Best(Side.Sell), 0m);
        }
    }

    /// <summary>Mid of the merged book, else the last trade price, else 0.</summary>
    public decimal GetMarkPrice(Coin coin)
    {
        lock (_gate)
        {
            return _markets.Get(coin).Mark();
        }
    }

    public IReadOnlyList<OpenOrder> GetOpenOrders(Address account)
    {
        lock (_gate)
        {
            Now();
            return _accounts.TryGet(account, out var ledger)
                ? [.. ledger.OpenOrders.Values.OrderBy(o => o.OrderId.Value).Select(o => o.ToOpenOrder())]
                : [];
        }
    }

    /// <summary>The status of an order of <paramref name="account"/> by oid, or null when the venue never saw it.</summary>
    public OrderUpdate? GetOrder(Address account, OrderId orderId)
    {
        lock (_gate)
        {
            Now();
            return _orders.TryGet(orderId, out var order) && order.Account == account ? order.ToUpdate() : null;
        }
    }

    /// <summary>The status of the latest order of <paramref name="account"/> with this cloid, or null.</summary>
    public OrderUpdate? GetOrder(Address account, Cloid cloid)
    {
        lock (_gate)
        {
            Now();
            return _accounts.TryGet(account, out var ledger) && ledger.ByCloid.TryGetValue(cloid, out var order)
                ? order.ToUpdate()
                : null;
        }
    }

    /// <summary>Fills of an account with time ≥ <paramref name="sinceMs"/>, oldest first.</summary>
    public IReadOnlyList<Fill> GetFills(Address account, long sinceMs = 0)
    {
        lock (_gate)
        {
            return _accounts.TryGet(account, out var ledger)
                ? [.. ledger.Fills.Where(f => f.TimeMs >= sinceMs)]
                : [];
        }
    }

    public SimAccountState GetAccount(Address account)
    {
        lock (_gate)
        {
            Now();
            return _accounts.State(_accounts.Ledger(account));
        }
    }

    /// <summary>The account's position on one coin (a zero position when it never traded it).</summary>
    public SimPosition GetPosition(Address account, Coin coin)
    {
        lock (_gate)
        {
            var ledger = _accounts.Ledger(account);
            var book = _markets.Get(coin);
            return _accounts.PositionView(ledger, book, ledger.Position(coin));
        }
    }

    private long NowMs => _time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>The time now, after firing the scheduled cancels that are due (every venue action does that first).</summary>
    private long Now()
    {
        var now = NowMs;
        _deadMan.Fire(now);
        return now;
    }

    private CancelResult Cancel(Address account, Coin coin, OrderId? orderId, Cloid? cloid)
    {
        lock (_gate)
        {
            var now = Now();
            return _markets.TryGet(coin, out var book)
                ? _desk.Cancel(_accounts.Ledger(account), book, orderId, cloid, now)
                : CancelResult.Failed(RejectReason.Unknown, "Unknown coin " + coin.Name + ".");
        }
    }
}
