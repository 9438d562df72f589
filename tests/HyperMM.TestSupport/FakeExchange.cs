using System.Threading.Channels;
using HyperMM.Core.Instruments;
using HyperMM.Core.Market;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;

namespace HyperMM.TestSupport;

/// <summary>
/// A hand-written in-memory <see cref="IExchange"/> for loop tests, honouring the IExchange contract
/// (<c>Contract/ExchangeContract</c>): orders are checked with the instrument's rules, a post-only order that would
/// cross the last pushed book is refused, a crossing Gtc/Ioc order takes the touch, resting orders stay until
/// cancelled or filled by the test (<see cref="FillResting"/>, <see cref="OutsideTrade"/>), and fills and order
/// updates are pushed. Every request is recorded; the test pushes market events through <see cref="Push"/>.
/// Thread-safe enough for one strategy task plus the test thread.
/// </summary>
public sealed class FakeExchange : IExchange
{
    private const string NotFound = "Order was never placed, already canceled, or filled.";
    private readonly Channel<ExchangeEvent> _events = Channel.CreateUnbounded<ExchangeEvent>();
    private readonly Dictionary<long, OpenOrder> _open = [];
    private readonly Dictionary<Cloid, (OpenOrder Order, OrderState State)> _byCloid = [];
    private readonly List<Fill> _fills = [];
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private OrderBookSnapshot? _book;
    private long? _scheduledCancelMs;
    private long _nextOid = 1000;
    private long _nextTid = 5000;
    private long _requests;

    public FakeExchange(InstrumentSpec instrument, TimeProvider time, Address? account = null)
    {
        Instrument = instrument;
        _time = time;
        Account = account ?? Address.Parse("0x00000000000000000000000000000000000000aa");
    }

    public InstrumentSpec Instrument { get; }

    public Address Account { get; }

    public ChannelReader<ExchangeEvent> Events => _events.Reader;

    public decimal Position { get; set; }

    /// <summary>What <see cref="GetAccountAsync"/> reports as account value and withdrawable.</summary>
    public decimal AccountValueUsd { get; init; } = 10_000m;

    /// <summary>Traded volume before <see cref="ScheduleCancelAsync"/> is accepted (the venue's $1,000,000 by default).</summary>
    public decimal ScheduleCancelVolumeGateUsd { get; init; } = 1_000_000m;

    public List<OrderRequest> Placed { get; } = [];

    public List<ModifyRequest> Modified { get; } = [];

    public List<CancelRequest> Cancelled { get; } = [];

    /// <summary>A copy of <see cref="Modified"/> taken under the lock (safe while the loop runs).</summary>
    public IReadOnlyList<ModifyRequest> ModifiedSoFar
    {
        get
        {
            lock (_gate)
            {
                return [.. Modified];
            }
        }
    }

    /// <summary>Answers for the next placed orders, in order; when empty, orders go through the fake venue.</summary>
    public Queue<Func<OrderRequest, OrderResult>> ScriptedPlaceResults { get; } = new();

    /// <summary>
    /// Consulted for each modify: a non-null answer is returned as is and leaves the target order where it was; null
    /// lets the modify go through.
    /// </summary>
    public Func<ModifyRequest, OrderResult?>? ModifyScript { get; set; }

    /// <summary>When set and it returns a result for a cancel, that result is answered and the order stays open.</summary>
    public Func<CancelRequest, CancelResult?>? CancelScript { get; set; }

    public int AccountQueries { get; private set; }

    public int OrderLookups { get; private set; }

    public int FillQueries { get; private set; }

    public List<OpenOrder> OpenOrders
    {
        get
        {
            lock (_gate)
            {
                return [.. _open.Values];
            }
        }
    }

    private long Now => _time.GetUtcNow().ToUnixTimeMilliseconds();

    public void Push(ExchangeEvent ev) => _events.Writer.TryWrite(ev);

    public void Complete() => _events.Writer.TryComplete();

    public void PushBook(decimal bid, decimal ask, long? timeMs = null) =>
        PushBook(new OrderBookSnapshot(Instrument.Coin, timeMs ?? Now, [new BookLevel(bid, 5m, 1)], [new BookLevel(ask, 5m, 1)]));

    /// <summary>The outside book moves: later orders are checked against it, and it is pushed.</summary>
    public void PushBook(OrderBookSnapshot book)
    {
        ArgumentNullException.ThrowIfNull(book);
        lock (_gate)
        {
            _book = book;
        }

        Push(new BookEvent(book));
    }

    /// <summary>Fills (part of) a resting order as a maker and pushes the fill.</summary>
    public Fill FillResting(OpenOrder order, decimal size, bool push = true)
    {
        ArgumentNullException.ThrowIfNull(order);
        Fill fill;
        lock (_gate)
        {
            var remaining = order.Size - size;
            if (remaining <= 0m)
            {
                _open.Remove(order.OrderId.Value);
                Track(order with { Size = 0m }, OrderState.Filled);
            }
            else
            {
                _open[order.OrderId.Value] = order with { Size = remaining };
            }

            fill = Book(order, order.Price, size, crossed: false);
        }

        if (push)
        {
            Push(new FillsEvent([fill], false, Now));
        }

        return fill;
    }

    /// <summary>An outside trade: our resting orders on the other side at a price it traded through fill as makers.</summary>
    public IReadOnlyList<Fill> OutsideTrade(Side aggressor, decimal price, decimal size)
    {
        var hit = OpenOrders.Where(o => o.Side != aggressor && (aggressor == Side.Sell ? o.Price > price : o.Price < price))
            .OrderBy(o => o.TimestampMs).ToList();
        var fills = new List<Fill>();
        foreach (var order in hit)
        {
            var quantity = Math.Min(order.Size, size);
            if (quantity <= 0m)
            {
                break;
            }

            size -= quantity;
            fills.Add(FillResting(order, quantity));
        }

        return fills;
    }

    /// <summary>Adds an order to the book as if placed earlier (e.g. by a crashed run).</summary>
    public OpenOrder AddOpenOrder(Side side, decimal price, decimal size, Cloid? cloid)
    {
        lock (_gate)
        {
            var order = new OpenOrder(Instrument.Coin, new OrderId(_nextOid++), cloid, side, price, size, size, Now, false);
            _open[order.OrderId.Value] = order;
            Track(order, OrderState.Open);
            return order;
        }
    }

    public ValueTask<InstrumentSpec> GetInstrumentAsync(Coin coin, CancellationToken cancellationToken) =>
        coin == Instrument.Coin ? ValueTask.FromResult(Instrument) : throw new ArgumentException($"Unknown coin {coin}.", nameof(coin));

    public ValueTask SubscribeAsync(Coin coin, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask<OrderBookSnapshot> GetBookAsync(Coin coin, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_book is { } b && b.Coin == coin ? b : new OrderBookSnapshot(coin, Now, [], []));
        }
    }

    public ValueTask<AccountSnapshot> GetAccountAsync(Coin coin, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            FireScheduledCancel();
            AccountQueries++;
            return ValueTask.FromResult(new AccountSnapshot(Account, coin, Position, 0m, AccountValueUsd, 0m, AccountValueUsd, [.. _open.Values], Now));
        }
    }

    /// <summary>When set, the fills query throws it (a venue that stops answering that one query).</summary>
    public Exception? FillsFailure { get; set; }

    public ValueTask<IReadOnlyList<Fill>> GetFillsAsync(long sinceMs, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            FillQueries++;
            if (FillsFailure is { } failure)
            {
                throw failure;
            }

            return ValueTask.FromResult<IReadOnlyList<Fill>>([.. _fills.Where(f => f.TimeMs >= sinceMs)]);
        }
    }

    public ValueTask<OrderLookup> GetOrderAsync(Cloid cloid, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            FireScheduledCancel();
            OrderLookups++;
            return ValueTask.FromResult(_byCloid.TryGetValue(cloid, out var known)
                ? new OrderLookup(cloid, known.State, known.Order)
                : new OrderLookup(cloid, OrderState.Unknown, null));
        }
    }

    public ValueTask<RequestBudget> GetRequestBudgetAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var volume = _fills.Sum(f => f.Price * f.Size);
            return ValueTask.FromResult(new RequestBudget(_requests, 10_000 + (long)volume, volume));
        }
    }

    public ValueTask<IReadOnlyList<OrderResult>> PlaceOrdersAsync(IReadOnlyList<OrderRequest> orders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var results = new List<OrderResult>(orders.Count);
        var pushes = new List<ExchangeEvent>();
        lock (_gate)
        {
            FireScheduledCancel();
            _requests += orders.Count;
            foreach (var order in orders)
            {
                Placed.Add(order);
                results.Add(ScriptedPlaceResults.TryDequeue(out var script) ? script(order) : Enter(order, pushes));
            }
        }

        pushes.ForEach(Push);
        return ValueTask.FromResult<IReadOnlyList<OrderResult>>(results);
    }

    public ValueTask<IReadOnlyList<OrderResult>> ModifyOrdersAsync(IReadOnlyList<ModifyRequest> modifies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(modifies);
        var results = new List<OrderResult>(modifies.Count);
        var pushes = new List<ExchangeEvent>();
        lock (_gate)
        {
            FireScheduledCancel();
            _requests += modifies.Count;
            foreach (var modify in modifies)
            {
                Modified.Add(modify);
                if (ModifyScript?.Invoke(modify) is { } scripted)
                {
                    results.Add(scripted);
                    continue;
                }

                if (Find(modify.OrderId, modify.TargetCloid) is not { } target)
                {
                    results.Add(OrderResult.Rejected(RejectReason.OrderNotFound, NotFound));
                    continue;
                }

                var result = Enter(modify.Order, pushes, replacing: target);
                results.Add(result);
            }
        }

        pushes.ForEach(Push);
        return ValueTask.FromResult<IReadOnlyList<OrderResult>>(results);
    }

    public ValueTask<IReadOnlyList<CancelResult>> CancelOrdersAsync(IReadOnlyList<CancelRequest> cancels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cancels);
        var results = new List<CancelResult>(cancels.Count);
        var pushes = new List<ExchangeEvent>();
        lock (_gate)
        {
            FireScheduledCancel();
            _requests += cancels.Count;
            foreach (var cancel in cancels)
            {
                Cancelled.Add(cancel);
                if (CancelScript?.Invoke(cancel) is { } scripted)
                {
                    results.Add(scripted);
                    continue;
                }

                if (Find(cancel.OrderId, cancel.Cloid) is not { } target)
                {
                    results.Add(CancelResult.Failed(RejectReason.OrderNotFound, NotFound));
                    continue;
                }

                pushes.Add(Finish(target, OrderState.Canceled, "canceled"));
                results.Add(CancelResult.Ok);
            }
        }

        pushes.ForEach(Push);
        return ValueTask.FromResult<IReadOnlyList<CancelResult>>(results);
    }

    public ValueTask<CancelResult> ScheduleCancelAsync(DateTimeOffset? at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var volume = _fills.Sum(f => f.Price * f.Size);
            if (volume < ScheduleCancelVolumeGateUsd)
            {
                return ValueTask.FromResult(CancelResult.Failed(RejectReason.ScheduledCancelRefused, "Cannot set scheduled cancel time until enough volume traded."));
            }

            if (at is { } time && time.ToUnixTimeMilliseconds() < Now + 5_000)
            {
                return ValueTask.FromResult(CancelResult.Failed(RejectReason.ScheduledCancelRefused, "Scheduled cancel time too early, must be at least 5 seconds from now."));
            }

            _scheduledCancelMs = at?.ToUnixTimeMilliseconds();
            return ValueTask.FromResult(CancelResult.Ok);
        }
    }

    public ValueTask<bool> SetLeverageAsync(Coin coin, int leverage, bool isCross, CancellationToken cancellationToken) =>
        ValueTask.FromResult(coin == Instrument.Coin && leverage >= 1 && leverage <= Instrument.MaxLeverage);

    public ValueTask DisposeAsync()
    {
        Complete();
        return ValueTask.CompletedTask;
    }

    /// <summary>Checks an order as the venue does (first failure wins), then rests it, fills it at the touch, or refuses it.</summary>
    private OrderResult Enter(OrderRequest order, List<ExchangeEvent> pushes, OpenOrder? replacing = null)
    {
        if (FakeOrderChecks.Refusal(Instrument, order, _book) is { } refused)
        {
            return refused;
        }

        if (replacing is not null)
        {
            pushes.Add(Finish(replacing, OrderState.Canceled, "canceled"));
        }

        var opposite = order.Side == Side.Buy ? _book?.Asks : _book?.Bids;
        var touch = opposite is { Count: > 0 } ? opposite[0] : (BookLevel?)null;
        var crosses = touch is { } t && (order.Side == Side.Buy ? order.Price >= t.Price : order.Price <= t.Price);
        var open = new OpenOrder(order.Coin, new OrderId(_nextOid++), order.Cloid, order.Side, order.Price, order.Size, order.Size, Now, order.ReduceOnly);
        if (!crosses)
        {
            _open[open.OrderId.Value] = open;
            Track(open, OrderState.Open);
            pushes.Add(new OrderUpdatesEvent([new OrderUpdate(open, OrderState.Open, "open", Now)], Now));
            return OrderResult.Resting(open.OrderId, order.Cloid);
        }

        var taken = Math.Min(order.Size, touch!.Value.Size);
        var fill = Book(open, touch.Value.Price, taken, crossed: true);
        pushes.Add(new FillsEvent([fill], false, Now));
        var left = open with { Size = order.Size - taken };
        if (left.Size > 0m && order.Tif == TimeInForce.Gtc)
        {
            _open[left.OrderId.Value] = left;
            Track(left, OrderState.Open);
            pushes.Add(new OrderUpdatesEvent([new OrderUpdate(left, OrderState.Open, "open", Now)], Now));
            return OrderResult.Resting(left.OrderId, order.Cloid);
        }

        var state = left.Size > 0m ? OrderState.Canceled : OrderState.Filled;
        Track(left, state);
        pushes.Add(new OrderUpdatesEvent([new OrderUpdate(left, state, state == OrderState.Filled ? "filled" : "canceled", Now)], Now));
        return OrderResult.Filled(open.OrderId, order.Cloid, taken, touch.Value.Price);
    }

    private Fill Book(OpenOrder order, decimal price, decimal size, bool crossed)
    {
        var start = Position;
        Position += order.Side.Sign() * size;
        var fee = decimal.Round(price * size * (crossed ? 0.00045m : 0.00015m), 6);
        var fill = new Fill(order.Coin, _nextTid++, order.OrderId, order.Cloid, order.Side, price, size, fee, Now, crossed, 0m, start, null);
        _fills.Add(fill);
        return fill;
    }

    private OpenOrder? Find(OrderId? orderId, Cloid? cloid) =>
        _open.Values.FirstOrDefault(o => (orderId is { } oid && o.OrderId == oid) || (orderId is null && cloid is { } c && o.Cloid == c));

    private OrderUpdatesEvent Finish(OpenOrder order, OrderState state, string status)
    {
        _open.Remove(order.OrderId.Value);
        Track(order, state);
        return new OrderUpdatesEvent([new OrderUpdate(order, state, status, Now)], Now);
    }

    private void Track(OpenOrder order, OrderState state)
    {
        if (order.Cloid is { } cloid)
        {
            _byCloid[cloid] = (order, state);
        }
    }

    private void FireScheduledCancel()
    {
        if (_scheduledCancelMs is not { } at || at > Now)
        {
            return;
        }

        _scheduledCancelMs = null;
        var updates = _open.Values.ToList().Select(o => Finish(o, OrderState.OtherTerminal, "scheduledCancel")).ToList();
        updates.ForEach(Push);
    }
}
