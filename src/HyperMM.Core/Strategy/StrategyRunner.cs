using HyperMM.Core.Accounting;
using HyperMM.Core.Model;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;

namespace HyperMM.Core.Strategy;

/// <summary>
/// The one strategy loop for live, local-exchange and backtest runs. It owns a <see cref="MarketMaker"/> and an
/// <see cref="IExchange"/>: reads pushed events, requotes no faster than the cycle interval, sends the plan, feeds
/// the answers back, and cancels everything it owns on the way out. <see cref="TimeProvider"/> is its only clock.
/// </summary>
public sealed partial class StrategyRunner
{
    private const int BackoffStartMs = 2_000;
    private const int BackoffMaxMs = 60_000;
    private const long BudgetCheckIntervalMs = 60_000;

    private readonly StrategyParameters _parameters;
    private readonly IExchange _exchange;
    private readonly TimeProvider _time;
    private readonly IStrategyObserver _observer;
    private readonly StrategyRunnerOptions _options;
    private readonly OwnOrders _ours;
    private readonly SideBackoff _bidBackoff = new();
    private readonly SideBackoff _askBackoff = new();
    private Task<bool>? _pendingWait;
    private long _lastRequoteMs = long.MinValue;
    private long _lastBudgetCheckMs = long.MinValue;
    private bool _requoteNow;
    private bool _streamRestored;
    private double _cycleSlowdown = 1.0;
    private StrategyMode _lastReportedMode = StrategyMode.Starting;
    private long _lastDeadManMs = long.MinValue;
    private bool _deadManAvailable = true;
    private long _lastPositionCheckMs = long.MinValue;
    private decimal? _pendingPositionMismatch;
    private long _progress;
    private bool _invalidBookNoted;
    private int _failedInARow;
    private readonly LatencyWindow _tickToOrder = new();
    private long? _bookReadAt;
    private Trading.RequestBudget? _budget;

    public StrategyRunner(StrategyParameters parameters, IExchange exchange, TimeProvider time, IStrategyObserver? observer = null, uint runId = 0)
        : this(parameters, exchange, time, observer, StrategyRunnerOptions.Default with { RunId = runId })
    {
    }

    public StrategyRunner(StrategyParameters parameters, IExchange exchange, TimeProvider time, IStrategyObserver? observer, StrategyRunnerOptions options)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(exchange);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        _parameters = parameters;
        _ours = new OwnOrders(parameters.Name);
        _exchange = exchange;
        _time = time;
        _observer = observer ?? NullStrategyObserver.Instance;
        _options = options;
    }

    public string Name => _parameters.Name;

    /// <summary>Null until the instrument is known.</summary>
    public MarketMaker? Maker { get; private set; }

    /// <summary>The latest snapshot, safe to read from any thread.</summary>
    public StrategyStatus? Status => Volatile.Read(ref _status);

    private StrategyStatus? _status;

    private long NowMs => _time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>
    /// Counts the loop's steps (each start-up step, each pass of the loop, at least once a second while it runs). A
    /// supervisor that sees it stand still knows the loop is stuck even though the process is alive.
    /// </summary>
    public long Progress => Interlocked.Read(ref _progress);

    private void MarkProgress() => Interlocked.Increment(ref _progress);

    /// <summary>Runs until cancelled or until the event stream completes, then cancels every order it owns.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var maker = await StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await LoopAsync(maker, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await ShutdownAsync(maker).ConfigureAwait(false);
        }
    }

    private async Task<MarketMaker> StartAsync(CancellationToken ct)
    {
        MarkProgress();
        var instrument = await _exchange.GetInstrumentAsync(_parameters.Coin, ct).ConfigureAwait(false);
        MarkProgress();
        var maker = new MarketMaker(_parameters, instrument, new CloidFactory(_parameters.Name, _options.RunId), NowMs);
        Maker = maker;
        _observer.OnLedger(_parameters.Name, maker.Ledger.OpeningEntry);
        Note("info", FormattableString.Invariant(
            $"starting on {_parameters.Coin} (asset {instrument.AssetId}, lot {instrument.LotSize}), account {_exchange.Account}, mode {_parameters.RequoteMode}"));

        if (!_options.DryRun && !await _exchange.SetLeverageAsync(_parameters.Coin, _parameters.Leverage, true, ct).ConfigureAwait(false))
        {
            Note("warn", FormattableString.Invariant($"could not set leverage {_parameters.Leverage}x; continuing with the account's current leverage"));
        }

        MarkProgress();
        await _exchange.SubscribeAsync(_parameters.Coin, ct).ConfigureAwait(false);
        MarkProgress();
        var account = await _exchange.GetAccountAsync(_parameters.Coin, ct).ConfigureAwait(false);
        MarkProgress();
        Book(maker.AdoptAccount(account, NowMs));
        Note("info", FormattableString.Invariant($"position at start {account.Position} (entry {account.EntryPrice}), account value {account.AccountValue} USD"));
        if (_options.BackfillFillsSinceMs is { } since)
        {
            var backfilled = 0;
            foreach (var fill in await _exchange.GetFillsAsync(since, ct).ConfigureAwait(false))
            {
                backfilled += OnFill(maker, fill, NowMs) ? 1 : 0;
            }

            Note("info", FormattableString.Invariant($"backfill: {backfilled} fills since {DateTimeOffset.FromUnixTimeMilliseconds(since):u} reported by the venue"));
        }

        // Orders left by an earlier run of this strategy (same cloid tag) are removed: their prices are stale and
        // nothing tracks them. Foreign orders on the coin are left alone but reported.
        var stale = new List<CancelRequest>();
        foreach (var order in account.OpenOrders)
        {
            if (_ours.IsOurs(order))
            {
                stale.Add(OwnOrders.CancelOf(order));
            }
            else
            {
                Note("warn", FormattableString.Invariant($"foreign order on {order.Coin}: {order.Side} {order.Size} @ {order.Price} (oid {order.OrderId}) is not ours and is left alone"));
            }
        }

        if (stale.Count > 0 && _options.DryRun)
        {
            Note("warn", FormattableString.Invariant($"dry run: {stale.Count} orders left by an earlier run are NOT cancelled"));
        }
        else if (stale.Count > 0)
        {
            var gone = await CancelPatientlyAsync(maker, stale, "orders left by an earlier run", ct).ConfigureAwait(false);
            Note(gone == stale.Count ? "info" : "warn", FormattableString.Invariant($"cancelled {gone} of {stale.Count} orders left by an earlier run"));
        }

        PublishStatus(maker, NowMs);
        return maker;
    }

    private async Task LoopAsync(MarketMaker maker, CancellationToken ct)
    {
        var reader = _exchange.Events;
        while (!ct.IsCancellationRequested)
        {
            MarkProgress();
            while (reader.TryRead(out var ev))
            {
                Handle(maker, ev);
            }

            try
            {
                await CycleAsync(maker, ct).ConfigureAwait(false);
                _failedInARow = 0;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // A failed cycle is counted, noted and retried; only a run of them halts the strategy.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                CycleFailed(maker, ex);
            }

            if (!await WaitForEventsAsync(reader, ct).ConfigureAwait(false))
            {
                Note("info", "event stream completed");
                break;
            }
        }
    }

    /// <summary>
    /// Counts and notes a cycle that threw; after <see cref="StrategyRunnerOptions.MaxConsecutiveFailedCycles"/> in a
    /// row the strategy halts: the exception ends the loop, the shutdown cancels every order, and the host reports it.
    /// </summary>
    private void CycleFailed(MarketMaker maker, Exception ex)
    {
        maker.Stats.FailedCycles++;
        _failedInARow++;
        var what = ex.GetType().Name + ": " + ex.Message;
        maker.LastError = FormattableString.Invariant($"cycle failed ({_failedInARow} in a row): {what}");
        Note("error", maker.LastError);
        if (_failedInARow < _options.MaxConsecutiveFailedCycles)
        {
            return;
        }

        var reason = FormattableString.Invariant($"{_failedInARow} cycles in a row failed, last: {what}");
        maker.Halt(reason);
        Note("error", "halted: " + reason + "; cancelling every order");
        PublishStatus(maker, NowMs);
        throw new StrategyHaltedException(_parameters.Name + " halted: " + reason, ex);
    }

    private void Handle(MarketMaker maker, ExchangeEvent ev)
    {
        var now = NowMs;
        maker.Advance(now);
        switch (ev)
        {
            case BookEvent book:
                _bookReadAt ??= _time.GetTimestamp(); // the first book since the last requote starts the tick-to-order clock
                Book(maker.OnBook(book.Book, now));
                if (!maker.LastBookValid && !_invalidBookNoted)
                {
                    _invalidBookNoted = true;
                    var top = book.Book.Top;
                    Note("warn", FormattableString.Invariant(
                        $"book not two-sided or locked/crossed ({top.BidPrice} @ {top.AskPrice}): kept the last valid mid {maker.Mid}; such books are counted, not noted again"));
                }

                break;
            case FillsEvent fills:
                foreach (var fill in fills.Fills)
                {
                    OnFill(maker, fill, now);
                }

                break;
            case OrderUpdatesEvent updates:
                foreach (var update in updates.Updates)
                {
                    maker.OnOrderUpdate(update);
                }

                break;
            case StreamInterruptedEvent interrupted:
                maker.AwaitingResync = true;
                _streamRestored = false;
                Note("warn", "stream interrupted: " + interrupted.Reason + "; quotes pulled until resync");
                break;
            case StreamRestoredEvent:
                _streamRestored = true;
                break;
            default:
                break;
        }
    }

    /// <summary>Reports a ledger entry (mark, adjustment) the maker booked, if any.</summary>
    private void Book(LedgerEntry? entry)
    {
        if (entry is not null)
        {
            _observer.OnLedger(_parameters.Name, entry);
        }
    }

    /// <summary>Applies and reports a fill once; true if it was new to this run.</summary>
    private bool OnFill(MarketMaker maker, Fill fill, long now)
    {
        var outcome = maker.OnFill(fill, now, out var booking);
        if (booking is null)
        {
            return false;
        }

        _observer.OnFill(_parameters.Name, fill, booking);
        if (outcome == FillOutcome.Applied)
        {
            _requoteNow = true;
        }

        return true;
    }

    private async Task<bool> WaitForEventsAsync(System.Threading.Channels.ChannelReader<ExchangeEvent> reader, CancellationToken ct)
    {
        _pendingWait ??= reader.WaitToReadAsync(ct).AsTask();
        if (_pendingWait.IsCompleted)
        {
            var done = _pendingWait;
            _pendingWait = null;
            return await done.ConfigureAwait(false);
        }

        // Wake up for time-driven work (cycle, stale data, fill pressure) even when nothing arrives.
        var timeoutMs = Math.Clamp((long)(_parameters.CycleIntervalSeconds * 1000.0), 50, 1_000);
        using var delayCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(TimeSpan.FromMilliseconds(timeoutMs), _time, delayCts.Token);
        var first = await Task.WhenAny(_pendingWait, delay).ConfigureAwait(false);
        await delayCts.CancelAsync().ConfigureAwait(false);
        if (first == _pendingWait)
        {
            var done = _pendingWait;
            _pendingWait = null;
            return await done.ConfigureAwait(false);
        }

        ct.ThrowIfCancellationRequested();
        return true;
    }

    private async Task ShutdownAsync(MarketMaker maker)
    {
        if (_options.DryRun)
        {
            var stopped = maker.Snapshot(NowMs) with { Mode = StrategyMode.Stopped };
            Volatile.Write(ref _status, stopped);
            _observer.OnStatus(stopped);
            return;
        }

        using var cts = new CancellationTokenSource(_options.ShutdownTimeout, _time);
        try
        {
            var cancels = maker.Orders.All.Select(o => new CancelRequest(_parameters.Coin, o.OrderId, o.Cloid)).ToList();
            if (cancels.Count > 0)
            {
                maker.Stats.RequestsSent += cancels.Count;
                var results = await _exchange.CancelOrdersAsync(cancels, cts.Token).ConfigureAwait(false);
                var orders = maker.Orders.All.ToList();
                for (var i = 0; i < orders.Count && i < results.Count; i++)
                {
                    maker.ApplyCancelResult(orders[i], results[i]);
                }
            }

            // Belt and braces: whatever the venue still lists under our tag goes too.
            var (leftovers, _) = await _ours.CancelOnceAsync(_exchange, _parameters.Coin, cts.Token).ConfigureAwait(false);
            maker.Stats.RequestsSent += leftovers.Count;

            maker.Orders.Clear();
            if (_lastDeadManMs != long.MinValue && _deadManAvailable)
            {
                await _exchange.ScheduleCancelAsync(null, cts.Token).ConfigureAwait(false);
            }

            await RecoverFillsAsync(maker, cts.Token).ConfigureAwait(false);

            Note("info", FormattableString.Invariant($"stopped: {cancels.Count + leftovers.Count} orders cancelled, position {maker.Ledger.Position}"));
        }
#pragma warning disable CA1031 // Shutdown reports what it could not do; it must not mask the original exception.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Note("error", "shutdown could not confirm every order cancelled: " + ex.Message);
        }

        var final = maker.Snapshot(NowMs) with { Mode = StrategyMode.Stopped };
        Volatile.Write(ref _status, final);
        _observer.OnStatus(final);
    }

    private void PublishStatus(MarketMaker maker, long now)
    {
        var status = maker.Snapshot(now) with { Budget = _budget, Latency = _tickToOrder.Summary() };
        Volatile.Write(ref _status, status);
        _observer.OnStatus(status);
    }

    private void Note(string level, string message) => _observer.OnNote(_parameters.Name, NowMs, level, message);
}
