using System.Threading.Channels;
using HyperMM.Core.Instruments;
using HyperMM.Core.Market;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.Simulation.Market;
using HyperMM.Simulation.Matching;

namespace HyperMM.Simulation.Backtest;

/// <summary>
/// Core's <see cref="IExchange"/> on simulated time: one account on a <see cref="MatchingEngine"/> fed by an outside
/// market. Order actions reach the engine after the entry latency and answer after the ack latency; pushed events
/// reach the strategy after the feed latency (each drawn per message, see <see cref="LatencyOptions"/>). A driver (<see cref="BacktestSession"/>) moves time: it only advances
/// while the strategy loop is parked (waiting for events or for an answer), which makes a run deterministic.
/// With <see cref="BatchMarketEvents"/>, books and trades are handed over when the loop wakes for its own timer,
/// for one of our fills or order updates, or for an answer, instead of waking it for every market event.
/// </summary>
public sealed partial class SimulatedExchange : IExchange
{
    private readonly SimulatedEventReader _events = new();
    private readonly Queue<PendingRequest> _arrivals = new();
    private readonly Queue<PendingRequest> _responses = new();
    private readonly Queue<(long DueMs, ExchangeEvent Event, bool Wakes)> _deliveries = new();
    private readonly List<ExchangeEvent> _staged = [];
    private readonly HashSet<Coin> _subscribed = [];
    private readonly SemaphoreSlim _parked = new(0);
    private readonly SimulationTimeProvider _time;
    private readonly LatencyLeg _feed;
    private readonly LatencyLeg _entry;
    private readonly LatencyLeg _ack;
    private volatile RunnerState _state = RunnerState.Running;
    private long _requestsSent;
    private ITimer? _runnerTimer;
    private long? _eventDueMs;

    public SimulatedExchange(MatchingEngine engine, SimulationTimeProvider time, Address account, LatencyOptions latency, bool batchMarketEvents = true)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(latency);
        Engine = engine;
        _time = time;
        Account = account;
        BatchMarketEvents = batchMarketEvents;
        // One random stream per leg, so the draws of one leg do not depend on how many messages another one carried.
        _feed = new LatencyLeg(latency.Feed, latency.Seed);
        _entry = new LatencyLeg(latency.OrderEntry, unchecked(latency.Seed + 1));
        _ack = new LatencyLeg(latency.OrderAck, unchecked(latency.Seed + 2));
        _time.TimerArmed = timer =>
        {
            _runnerTimer = timer;
            Park(RunnerState.WaitingForEvents);
        };
    }

    /// <summary>
    /// A matching engine listing <paramref name="instruments"/> whose fills and order updates for
    /// <paramref name="account"/> reach the new exchange.
    /// </summary>
    public static SimulatedExchange Create(
        IEnumerable<InstrumentSpec> instruments, MatchingEngineOptions engineOptions, SimulationTimeProvider time, Address account, LatencyOptions latency, bool batchMarketEvents = true)
    {
        SimulatedExchange? exchange = null;
        var engine = new MatchingEngine(instruments, engineOptions, new ForwardingSink(() => exchange!.Sink), time);
        exchange = new SimulatedExchange(engine, time, account, latency, batchMarketEvents);
        return exchange;
    }

    public Address Account { get; }

    public MatchingEngine Engine { get; }

    public bool BatchMarketEvents { get; }

    /// <summary>Simulated time allowed after the end of the data for requests in flight to be answered (60 s).</summary>
    public long SettleLimitMs { get; init; } = 60_000;

    /// <summary>
    /// Wall-clock bound on waiting for the strategy loop to park or end (2 min; a cycle takes microseconds). Past it
    /// the loop is waiting on something the simulation does not drive, and the run fails instead of hanging.
    /// </summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>When true, order actions execute at once (used while the strategy shuts down).</summary>
    public bool Immediate { get; set; }

    public long RequestsSent => Interlocked.Read(ref _requestsSent);

    public ChannelReader<ExchangeEvent> Events => _events;

    /// <summary>The sink to give the engine so our fills and order updates reach the strategy.</summary>
    public IMatchingEventSink Sink => new AccountSink(this);

    public ValueTask<InstrumentSpec> GetInstrumentAsync(Coin coin, CancellationToken cancellationToken) =>
        Engine.TryGetInstrument(coin, out var spec) ? ValueTask.FromResult(spec) : throw new ArgumentException($"Unknown coin {coin}.", nameof(coin));

    public ValueTask SubscribeAsync(Coin coin, CancellationToken cancellationToken)
    {
        _subscribed.Add(coin);
        return ValueTask.CompletedTask;
    }

    public ValueTask<OrderBookSnapshot> GetBookAsync(Coin coin, CancellationToken cancellationToken) => ValueTask.FromResult(Engine.GetBook(coin));

    public ValueTask<AccountSnapshot> GetAccountAsync(Coin coin, CancellationToken cancellationToken)
    {
        var state = Engine.GetAccount(Account);
        var position = Engine.GetPosition(Account, coin);
        var orders = Engine.GetOpenOrders(Account).Where(o => o.Coin == coin).ToList();
        return ValueTask.FromResult(new AccountSnapshot(Account, coin, position.Size, position.EntryPrice, state.AccountValue,
            state.MarginUsed, state.Withdrawable, orders, _time.NowMs));
    }

    public ValueTask<IReadOnlyList<Fill>> GetFillsAsync(long sinceMs, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Engine.GetFills(Account, sinceMs));

    public ValueTask<OrderLookup> GetOrderAsync(Cloid cloid, CancellationToken cancellationToken)
    {
        var update = Engine.GetOrder(Account, cloid);
        return ValueTask.FromResult(update is null ? new OrderLookup(cloid, OrderState.Unknown, null) : new OrderLookup(cloid, update.State, update.Order));
    }

    public ValueTask<RequestBudget> GetRequestBudgetAsync(CancellationToken cancellationToken)
    {
        var volume = Engine.GetAccount(Account).CumulativeVolumeUsd;
        return ValueTask.FromResult(new RequestBudget(RequestsSent, 10_000 + (long)volume, volume));
    }

    public ValueTask<IReadOnlyList<OrderResult>> PlaceOrdersAsync(IReadOnlyList<OrderRequest> orders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orders);
        return Submit(orders.Count, () => Engine.PlaceBatch(Account, orders));
    }

    public ValueTask<IReadOnlyList<OrderResult>> ModifyOrdersAsync(IReadOnlyList<ModifyRequest> modifies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(modifies);
        return Submit<OrderResult>(modifies.Count, () => [.. modifies.Select(m => Engine.Modify(Account, m))]);
    }

    public ValueTask<IReadOnlyList<CancelResult>> CancelOrdersAsync(IReadOnlyList<CancelRequest> cancels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cancels);
        return Submit<CancelResult>(cancels.Count, () => [.. cancels.Select(c => c.OrderId is { } oid
            ? Engine.Cancel(Account, c.Coin, oid)
            : Engine.CancelByCloid(Account, c.Coin, c.Cloid ?? default))]);
    }

    public ValueTask<CancelResult> ScheduleCancelAsync(DateTimeOffset? at, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Engine.ScheduleCancel(Account, at?.ToUnixTimeMilliseconds()));

    public ValueTask<bool> SetLeverageAsync(Coin coin, int leverage, bool isCross, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Engine.SetLeverage(Account, coin, leverage, isCross) is null);

    public ValueTask DisposeAsync()
    {
        _events.Complete();
        _parked.Dispose();
        return ValueTask.CompletedTask;
    }

    private ValueTask<IReadOnlyList<T>> Submit<T>(int count, Func<IReadOnlyList<T>> execute)
    {
        Interlocked.Add(ref _requestsSent, count);
        if (Immediate || (_entry.IsZero && _ack.IsZero))
        {
            return ValueTask.FromResult(execute());
        }

        // Continuations run inline: completing the answer resumes the loop on the driver's thread.
        var completion = new TaskCompletionSource<IReadOnlyList<T>>();
        IReadOnlyList<T>? results = null;
        _arrivals.Enqueue(new PendingRequest(_entry.Due(_time.NowMs), () => results = execute(), () => completion.SetResult(results!)));
        Park(RunnerState.WaitingForResponse);
        return new ValueTask<IReadOnlyList<T>>(completion.Task);
    }

    private void Park(RunnerState state)
    {
        if (Immediate)
        {
            return;
        }

        _state = state;
        _parked.Release();
    }

    /// <summary>When a pushed event sent now reaches the strategy: with the market event that caused it, else a new feed draw.</summary>
    private long FeedDue() => _eventDueMs ?? _feed.Due(_time.NowMs);

    private void Deliver(long dueMs, ExchangeEvent ev, bool wakes) => _deliveries.Enqueue((dueMs, ev, wakes));

    private sealed class AccountSink(SimulatedExchange owner) : IMatchingEventSink
    {
        public void OnFill(Address account, Fill fill)
        {
            if (account == owner.Account)
            {
                var due = owner.FeedDue();
                owner.Deliver(due, new FillsEvent([fill], false, due), wakes: true);
            }
        }

        public void OnOrderUpdate(Address account, OrderUpdate update)
        {
            if (account == owner.Account)
            {
                var due = owner.FeedDue();
                owner.Deliver(due, new OrderUpdatesEvent([update], due), wakes: true);
            }
        }

        public void OnTrade(Trade trade)
        {
        }

        public void OnBook(OrderBookSnapshot book)
        {
        }
    }
}
