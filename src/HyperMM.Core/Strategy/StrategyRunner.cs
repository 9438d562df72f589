using HyperMM.Core.Model;
using HyperMM.Core.Trading;

namespace HyperMM.Core.Strategy;

/// <summary>
/// The one strategy loop for live, local-exchange and backtest runs. It orchestrates parts that each own their
/// state: the <see cref="MarketMaker"/> (market view, own orders, ledger, risk), the <see cref="RequoteClock"/>, the
/// <see cref="PlanExecutor"/> with its <see cref="RejectionBackoff"/>, the <see cref="RequestBudgetMonitor"/>, the
/// <see cref="DeadManSwitch"/>, the <see cref="PositionReconciler"/>, the <see cref="VenueReconciler"/> (resync,
/// unclear orders) and the <see cref="FailedCycleCounter"/>; <see cref="StrategyLifecycle"/> starts and stops it. It
/// reads pushed events, requotes no faster than the cycle interval, and cancels everything it owns on the way out.
/// <see cref="TimeProvider"/> is its only clock.
/// </summary>
public sealed class StrategyRunner
{
    private readonly LoopServices _loop;
    private readonly RequoteClock _clock;
    private readonly RequestBudgetMonitor _budget = new();
    private readonly DeadManSwitch _deadMan;
    private readonly PositionReconciler _position;
    private readonly VenueReconciler _reconciler;
    private readonly PlanExecutor _executor;
    private readonly StrategyLifecycle _lifecycle;
    private readonly FailedCycleCounter _failed;
    private readonly LatencyWindow _tickToOrder = new();
    private Task<bool>? _pendingWait;
    private StrategyMode _lastReportedMode = StrategyMode.Starting;
    private long _progress;
    private bool _invalidBookNoted;
    private long? _bookReadAt;
    private StrategyStatus? _status;

    public StrategyRunner(StrategyParameters parameters, IExchange exchange, TimeProvider time, IStrategyObserver? observer = null, uint runId = 0)
        : this(parameters, exchange, time, observer, StrategyRunnerOptions.Default with { RunId = runId })
    {
    }

    public StrategyRunner(StrategyParameters parameters, IExchange exchange, TimeProvider time, IStrategyObserver? observer, StrategyRunnerOptions options)
    {
        _loop = new LoopServices(parameters, exchange, time, observer ?? NullStrategyObserver.Instance, options, MarkProgress);
        _clock = new RequoteClock(parameters.CycleIntervalSeconds);
        _deadMan = new DeadManSwitch(options.DeadManRefresh, options.DeadManHorizon);
        _position = new PositionReconciler(options.PositionCheckInterval);
        _reconciler = new VenueReconciler(_loop);
        _executor = new PlanExecutor(_loop, new RejectionBackoff(), _clock);
        _lifecycle = new StrategyLifecycle(_loop, _reconciler, _deadMan);
        _failed = new FailedCycleCounter(options.MaxConsecutiveFailedCycles);
    }

    public string Name => _loop.Name;

    /// <summary>Null until the instrument is known.</summary>
    public MarketMaker? Maker { get; private set; }

    /// <summary>The latest snapshot, safe to read from any thread.</summary>
    public StrategyStatus? Status => Volatile.Read(ref _status);

    /// <summary>
    /// Counts the loop's steps (each start-up step, each pass of the loop, at least once a second while it runs). A
    /// supervisor that sees it stand still knows the loop is stuck even though the process is alive.
    /// </summary>
    public long Progress => Interlocked.Read(ref _progress);

    private StrategyParameters Parameters => _loop.Parameters;

    private void MarkProgress() => Interlocked.Increment(ref _progress);

    /// <summary>Runs until cancelled or until the event stream completes, then cancels every order it owns.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var maker = await _lifecycle.StartAsync(m => Maker = m, cancellationToken).ConfigureAwait(false);
        PublishStatus(maker, _loop.NowMs);
        try
        {
            await LoopAsync(maker, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await _lifecycle.StopAsync(maker).ConfigureAwait(false);
            var final = maker.Snapshot(_loop.NowMs) with { Mode = StrategyMode.Stopped };
            Volatile.Write(ref _status, final);
            _loop.Observer.OnStatus(final);
        }
    }

    private async Task LoopAsync(MarketMaker maker, CancellationToken ct)
    {
        var reader = _loop.Exchange.Events;
        using var waker = new LoopWaker(_loop.Time, ct);
        while (!ct.IsCancellationRequested)
        {
            MarkProgress();
            while (reader.TryRead(out var ev))
            {
                Handle(maker, ev);
            }

            try
            {
                // A cycle the requote clock held back proves nothing either way: with events waking the loop between
                // requotes, counting it as a success would reset the count after every failed requote, and an order
                // path that always fails would never halt.
                if (await CycleAsync(maker, ct).ConfigureAwait(false))
                {
                    _failed.Succeeded();
                }
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

            if (!await WaitForEventsAsync(reader, waker, ct).ConfigureAwait(false))
            {
                _loop.Note("info", "event stream completed");
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
        var halt = _failed.Failed();
        var what = ex.GetType().Name + ": " + ex.Message;
        maker.LastError = FormattableString.Invariant($"cycle failed ({_failed.InARow} in a row): {what}");
        _loop.Note("error", maker.LastError);
        if (!halt)
        {
            return;
        }

        var reason = FormattableString.Invariant($"{_failed.InARow} cycles in a row failed, last: {what}");
        maker.Halt(reason);
        _loop.Note("error", "halted: " + reason + "; cancelling every order");
        PublishStatus(maker, _loop.NowMs);
        throw new StrategyHaltedException(Name + " halted: " + reason, ex);
    }

    private void Handle(MarketMaker maker, ExchangeEvent ev)
    {
        var now = _loop.NowMs;
        maker.Advance(now);
        switch (ev)
        {
            case BookEvent book:
                _bookReadAt ??= _loop.Time.GetTimestamp(); // the first book since the last requote starts the tick-to-order clock
                _loop.Book(maker.OnBook(book.Book, now));
                if (!maker.LastBookValid && !_invalidBookNoted)
                {
                    _invalidBookNoted = true;
                    var top = book.Book.Top;
                    _loop.Note("warn", FormattableString.Invariant(
                        $"book not two-sided or locked/crossed ({top.BidPrice} @ {top.AskPrice}): kept the last valid mid {maker.Mid}; such books are counted, not noted again"));
                }

                break;
            case FillsEvent fills:
                foreach (var fill in fills.Fills)
                {
                    if (_loop.ApplyFill(maker, fill, now) == FillOutcome.Applied)
                    {
                        _clock.RequestNow();
                    }
                }

                break;
            case TradesEvent trades:
                maker.OnTrades(trades.Trades);
                break;
            case OrderUpdatesEvent updates:
                foreach (var update in updates.Updates)
                {
                    maker.OnOrderUpdate(update);
                }

                break;
            case StreamInterruptedEvent interrupted:
                _reconciler.OnStreamInterrupted(maker, interrupted.Reason);
                break;
            case StreamRestoredEvent:
                _reconciler.OnStreamRestored();
                break;
            default:
                break;
        }
    }

    /// <summary>The requote cycle: settle what is unclear, keep the venue-side safety current, then quote, plan, send.</summary>
    /// <summary>One cycle; false when the requote clock held it back (nothing planned, nothing sent).</summary>
    private async Task<bool> CycleAsync(MarketMaker maker, CancellationToken ct)
    {
        var now = _loop.NowMs;
        maker.Advance(now);

        if (maker.AwaitingResync && _reconciler.StreamRestored)
        {
            await _reconciler.ResyncAsync(maker, ct).ConfigureAwait(false);
            _clock.RequestNow();
        }

        if (maker.Orders.HasAmbiguous())
        {
            await _reconciler.ResolveUnclearAsync(maker, ct).ConfigureAwait(false);
        }

        if (!_loop.Options.DryRun)
        {
            if (await _budget.CheckAsync(_loop, now, ct).ConfigureAwait(false))
            {
                _clock.SetSlowdown(_budget.Slowdown);
            }

            await _deadMan.RefreshAsync(_loop, maker, now, ct).ConfigureAwait(false);
            if (await _position.CheckAsync(_loop, maker, now, ct).ConfigureAwait(false))
            {
                _clock.RequestNow();
            }
        }

        if (maker.CheckRisk() && _lastReportedMode != StrategyMode.Halted)
        {
            _loop.Note("error", "halted: " + maker.HaltReason);
        }

        var suspended = maker.SuspendedMode(now);
        ReportModeChange(maker, now);
        if (suspended is not null)
        {
            var pull = maker.PullPlan();
            if (!pull.IsEmpty)
            {
                await _executor.ExecuteAsync(maker, pull, ct).ConfigureAwait(false);
            }

            PublishStatus(maker, now);
            return true;
        }

        if (!_clock.TryStart(now))
        {
            return false;
        }

        var plan = maker.PlanRequote(now, out var quote);
        _executor.Backoff.Apply(plan, now);
        _loop.Observer.OnQuote(Name, now, quote, plan);
        if (_loop.Options.DryRun)
        {
            PublishStatus(maker, now);
            return true;
        }

        if (!plan.IsEmpty)
        {
            maker.Stats.Requotes++;
            if (_bookReadAt is { } bookReadAt)
            {
                _tickToOrder.Add(_loop.Time.GetElapsedTime(bookReadAt));
            }

            await _executor.ExecuteAsync(maker, plan, ct).ConfigureAwait(false);
        }

        _bookReadAt = null;
        PublishStatus(maker, _loop.NowMs);
        return true;
    }

    private void ReportModeChange(MarketMaker maker, long now)
    {
        var mode = maker.Mode(now);
        if (mode != _lastReportedMode)
        {
            _loop.Note(mode is StrategyMode.Halted or StrategyMode.StaleData ? "warn" : "info", FormattableString.Invariant($"mode {_lastReportedMode} -> {mode}"));
            _lastReportedMode = mode;
        }
    }

    private async Task<bool> WaitForEventsAsync(System.Threading.Channels.ChannelReader<ExchangeEvent> reader, LoopWaker waker, CancellationToken ct)
    {
        _pendingWait ??= reader.WaitToReadAsync(ct).AsTask();
        if (!_pendingWait.IsCompleted)
        {
            // Wake up for time-driven work (cycle, stale data, fill pressure) even when nothing arrives.
            var timeoutMs = Math.Clamp((long)(Parameters.CycleIntervalSeconds * 1000.0), 50, 1_000);
            await waker.WaitAsync(_pendingWait, TimeSpan.FromMilliseconds(timeoutMs)).ConfigureAwait(false);
        }

        if (_pendingWait.IsCompleted)
        {
            var done = _pendingWait;
            _pendingWait = null;
            return await done.ConfigureAwait(false);
        }

        ct.ThrowIfCancellationRequested();
        return true;
    }

    private void PublishStatus(MarketMaker maker, long now)
    {
        var status = maker.Snapshot(now) with { Budget = _budget.Budget, Latency = _tickToOrder.Summary() };
        Volatile.Write(ref _status, status);
        _loop.Observer.OnStatus(status);
    }
}
