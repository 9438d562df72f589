using System.Threading.Channels;
using HyperMM.Core.Instruments;
using HyperMM.Core.Market;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;

namespace HyperMM.TestSupport;

/// <summary>
/// A hand-written in-memory <see cref="IExchange"/> for loop tests: orders rest until cancelled or filled by the
/// test, every request is recorded, and the test pushes events through <see cref="Push"/>. Thread-safe enough for
/// one strategy task plus the test thread.
/// </summary>
public sealed class FakeExchange : IExchange
{
    private readonly Channel<ExchangeEvent> _events = Channel.CreateUnbounded<ExchangeEvent>();
    private readonly Dictionary<long, OpenOrder> _open = [];
    private readonly List<Fill> _fills = [];
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private long _nextOid = 1000;
    private long _nextTid = 5000;

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

    /// <summary>Answers for the next placed orders, in order; when empty, orders rest.</summary>
    public Queue<Func<OrderRequest, OrderResult>> ScriptedPlaceResults { get; } = new();

    /// <summary>
    /// Consulted for each modify: a non-null answer is returned as is and leaves the target order where it was; null
    /// lets the modify go through.
    /// </summary>
    public Func<ModifyRequest, OrderResult?>? ModifyScript { get; set; }

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

    public void Push(ExchangeEvent ev) => _events.Writer.TryWrite(ev);

    public void Complete() => _events.Writer.TryComplete();

    public void PushBook(decimal bid, decimal ask, long? timeMs = null) =>
        Push(new BookEvent(new OrderBookSnapshot(Instrument.Coin, timeMs ?? Now, [new BookLevel(bid, 5m, 1)], [new BookLevel(ask, 5m, 1)])));

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
            }
            else
            {
                _open[order.OrderId.Value] = order with { Size = remaining };
            }

            Position += order.Side.Sign() * size;
            fill = new Fill(order.Coin, _nextTid++, order.OrderId, order.Cloid, order.Side, order.Price, size, order.Price * size * 0.00015m, Now, false, 0m, Position - (order.Side.Sign() * size), null);
            _fills.Add(fill);
        }

        if (push)
        {
            Push(new FillsEvent([fill], false, Now));
        }

        return fill;
    }

    /// <summary>Adds an order to the book as if placed earlier (e.g. by a crashed run).</summary>
    public OpenOrder AddOpenOrder(Side side, decimal price, decimal size, Cloid? cloid)
    {
        lock (_gate)
        {
            var order = new OpenOrder(Instrument.Coin, new OrderId(_nextOid++), cloid, side, price, size, size, Now, false);
            _open[order.OrderId.Value] = order;
            return order;
        }
    }

    private long Now => _time.GetUtcNow().ToUnixTimeMilliseconds();

    public ValueTask<InstrumentSpec> GetInstrumentAsync(Coin coin, CancellationToken cancellationToken) => ValueTask.FromResult(Instrument);

    public ValueTask SubscribeAsync(Coin coin, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask<OrderBookSnapshot> GetBookAsync(Coin coin, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new OrderBookSnapshot(coin, Now, [], []));

    public ValueTask<AccountSnapshot> GetAccountAsync(Coin coin, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            AccountQueries++;
            return ValueTask.FromResult(new AccountSnapshot(Account, coin, Position, 0m, 10_000m, 0m, 10_000m, [.. _open.Values], Now));
        }
    }

    public ValueTask<IReadOnlyList<Fill>> GetFillsAsync(long sinceMs, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            FillQueries++;
            return ValueTask.FromResult<IReadOnlyList<Fill>>([.. _fills.Where(f => f.TimeMs >= sinceMs)]);
        }
    }

    public ValueTask<OrderLookup> GetOrderAsync(Cloid cloid, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            OrderLookups++;
            var open = _open.Values.FirstOrDefault(o => o.Cloid == cloid);
            return ValueTask.FromResult(new OrderLookup(cloid, open is null ? OrderState.Unknown : OrderState.Open, open));
        }
    }

    public ValueTask<RequestBudget> GetRequestBudgetAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(new RequestBudget(0, 10_000, 0m));

    public ValueTask<IReadOnlyList<OrderResult>> PlaceOrdersAsync(IReadOnlyList<OrderRequest> orders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var results = new List<OrderResult>(orders.Count);
        lock (_gate)
        {
            foreach (var order in orders)
            {
                Placed.Add(order);
                if (ScriptedPlaceResults.TryDequeue(out var script))
                {
                    results.Add(script(order));
                    continue;
                }

                var open = new OpenOrder(order.Coin, new OrderId(_nextOid++), order.Cloid, order.Side, order.Price, order.Size, order.Size, Now, order.ReduceOnly);
                _open[open.OrderId.Value] = open;
                results.Add(OrderResult.Resting(open.OrderId, order.Cloid));
            }
        }

        return ValueTask.FromResult<IReadOnlyList<OrderResult>>(results);
    }

    public ValueTask<IReadOnlyList<OrderResult>> ModifyOrdersAsync(IReadOnlyList<ModifyRequest> modifies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(modifies);
        var results = new List<OrderResult>(modifies.Count);
        lock (_gate)
        {
            foreach (var modify in modifies)
            {
                Modified.Add(modify);
                if (ModifyScript?.Invoke(modify) is { } scripted)
                {
                    results.Add(scripted);
                    continue;
                }

                var target = _open.Values.FirstOrDefault(o => (modify.OrderId is { } oid && o.OrderId == oid) || (modify.TargetCloid is { } c && o.Cloid == c));
                if (target is null)
                {
                    results.Add(OrderResult.Rejected(RejectReason.OrderNotFound, "Order was never placed, already canceled, or filled."));
                    continue;
                }

                _open.Remove(target.OrderId.Value);
                var order = modify.Order;
                var open = new OpenOrder(order.Coin, new OrderId(_nextOid++), order.Cloid, order.Side, order.Price, order.Size, order.Size, Now, order.ReduceOnly);
                _open[open.OrderId.Value] = open;
                results.Add(OrderResult.Resting(open.OrderId, order.Cloid));
            }
        }

        return ValueTask.FromResult<IReadOnlyList<OrderResult>>(results);
    }

    public ValueTask<IReadOnlyList<CancelResult>> CancelOrdersAsync(IReadOnlyList<CancelRequest> cancels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cancels);
        var results = new List<CancelResult>(cancels.Count);
        lock (_gate)
        {
            foreach (var cancel in cancels)
            {
                Cancelled.Add(cancel);
                var target = _open.Values.FirstOrDefault(o => (cancel.OrderId is { } oid && o.OrderId == oid) || (cancel.Cloid is { } c && o.Cloid == c));
                if (target is null)
                {
                    results.Add(CancelResult.Failed(RejectReason.OrderNotFound, "Order was never placed, already canceled, or filled."));
                }
                else
                {
                    _open.Remove(target.OrderId.Value);
                    results.Add(CancelResult.Ok);
                }
            }
        }

        return ValueTask.FromResult<IReadOnlyList<CancelResult>>(results);
    }

    public ValueTask<CancelResult> ScheduleCancelAsync(DateTimeOffset? at, CancellationToken cancellationToken) =>
        ValueTask.FromResult(CancelResult.Failed(RejectReason.ScheduledCancelVolumeGate, "Cannot set scheduled cancel time until enough volume traded."));

    public ValueTask<bool> SetLeverageAsync(Coin coin, int leverage, bool isCross, CancellationToken cancellationToken) => ValueTask.FromResult(true);

    public ValueTask DisposeAsync()
    {
        Complete();
        return ValueTask.CompletedTask;
    }
}
