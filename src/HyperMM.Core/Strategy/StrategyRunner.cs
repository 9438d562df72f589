using HyperMM.Core.Model;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;

namespace HyperMM.Core.Strategy;

/// <summary>
/// The one strategy loop for live, local-exchange and backtest runs. It owns a <see cref="MarketMaker"/> and an
/// <see cref="IExchange"/>: reads pushed events, requotes no faster than the cycle interval, sends the plan, feeds
/// the answers back, and cancels everything it owns on the way out. <see cref="TimeProvider"/> is its only clock.
/// </summary>
public sealed class StrategyRunner
{
    private const int BackoffStartMs = 2_000;
    private const int BackoffMaxMs = 60_000;
    private const long BudgetCheckIntervalMs = 60_000;

    private readonly StrategyParameters _parameters;
    private readonly IExchange _exchange;
    private readonly TimeProvider _time;
    private readonly IStrategyObserver _observer;
    private readonly StrategyRunnerOptions _options;
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
        var instrument = await _exchange.GetInstrumentAsync(_parameters.Coin, ct).ConfigureAwait(false);
        var maker = new MarketMaker(_parameters, instrument, new CloidFactory(_parameters.Name, _options.RunId), NowMs);
        Maker = maker;
        Note("info", FormattableString.Invariant(
            $"starting on {_parameters.Coin} (asset {instrument.AssetId}, szDecimals {instrument.SzDecimals}), account {_exchange.Account}, mode {_parameters.RequoteMode}"));

        if (!_options.DryRun && !await _exchange.SetLeverageAsync(_parameters.Coin, _parameters.Leverage, true, ct).ConfigureAwait(false))
        {
            Note("warn", FormattableString.Invariant($"could not set leverage {_parameters.Leverage}x; continuing with the account's current leverage"));
        }

        await _exchange.SubscribeAsync(_parameters.Coin, ct).ConfigureAwait(false);
        var account = await _exchange.GetAccountAsync(_parameters.Coin, ct).ConfigureAwait(false);
        maker.AdoptAccount(account);
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
            if (order.Cloid is { } c && maker.Cloids.Owns(c))
            {
                stale.Add(new CancelRequest(order.Coin, order.OrderId, order.Cloid));
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
            var results = await _exchange.CancelOrdersAsync(stale, ct).ConfigureAwait(false);
            maker.Stats.RequestsSent += stale.Count;
            Note("info", FormattableString.Invariant($"cancelled {results.Count(r => r.OrderGone)} of {stale.Count} orders left by an earlier run"));
        }

        PublishStatus(maker, NowMs);
        return maker;
    }

    private async Task LoopAsync(MarketMaker maker, CancellationToken ct)
    {
        var reader = _exchange.Events;
        while (!ct.IsCancellationRequested)
        {
            while (reader.TryRead(out var ev))
            {
                Handle(maker, ev);
            }

            try
            {
                await CycleAsync(maker, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // A failed cycle is reported and retried; it must not kill the strategy.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                maker.LastError = ex.Message;
                Note("error", "cycle failed: " + ex.GetType().Name + ": " + ex.Message);
            }

            if (!await WaitForEventsAsync(reader, ct).ConfigureAwait(false))
            {
                Note("info", "event stream completed");
                break;
            }
        }
    }

    private void Handle(MarketMaker maker, ExchangeEvent ev)
    {
        var now = NowMs;
        maker.Advance(now);
        switch (ev)
        {
            case BookEvent book:
                maker.OnBook(book.Book, now);
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

    /// <summary>Applies and reports a fill once; true if it was new to this run.</summary>
    private bool OnFill(MarketMaker maker, Fill fill, long now)
    {
        var outcome = maker.OnFill(fill, now);
        if (outcome is not (FillOutcome.Applied or FillOutcome.Historical))
        {
            return false;
        }

        _observer.OnFill(_parameters.Name, fill, outcome == FillOutcome.Historical, maker.Ledger.Position, maker.Mid);
        if (outcome == FillOutcome.Applied)
        {
            _requoteNow = true;
        }

        return true;
    }

    private async Task CycleAsync(MarketMaker maker, CancellationToken ct)
    {
        var now = NowMs;
        maker.Advance(now);

        if (maker.AwaitingResync && _streamRestored)
        {
            await ResyncAsync(maker, ct).ConfigureAwait(false);
        }

        if (maker.Orders.HasAmbiguous())
        {
            await ResolveAmbiguousAsync(maker, ct).ConfigureAwait(false);
        }

        if (!_options.DryRun)
        {
            await CheckBudgetAsync(maker, now, ct).ConfigureAwait(false);
            await RefreshDeadManAsync(maker, now, ct).ConfigureAwait(false);
            await CheckPositionAsync(maker, now, ct).ConfigureAwait(false);
        }

        if (maker.CheckRisk() && _lastReportedMode != StrategyMode.Halted)
        {
            Note("error", "halted: " + maker.HaltReason);
        }

        var suspended = maker.SuspendedMode(now);
        ReportModeChange(maker, now);
        if (suspended is not null)
        {
            var pull = maker.PullPlan();
            if (!pull.IsEmpty)
            {
                await ExecuteAsync(maker, pull, ct).ConfigureAwait(false);
            }

            PublishStatus(maker, now);
            return;
        }

        var interval = (long)(_parameters.CycleIntervalSeconds * 1000.0 * _cycleSlowdown);
        if (!_requoteNow && _lastRequoteMs != long.MinValue && now - _lastRequoteMs < interval)
        {
            return;
        }

        _requoteNow = false;
        _lastRequoteMs = now;
        var plan = maker.PlanRequote(now, out var quote);
        ApplyBackoff(plan, now);
        _observer.OnQuote(_parameters.Name, now, quote, plan);
        if (_options.DryRun)
        {
            PublishStatus(maker, now);
            return;
        }

        if (!plan.IsEmpty)
        {
            maker.Stats.Requotes++;
            await ExecuteAsync(maker, plan, ct).ConfigureAwait(false);
        }

        PublishStatus(maker, NowMs);
    }

    private void ReportModeChange(MarketMaker maker, long now)
    {
        var mode = maker.Mode(now);
        if (mode != _lastReportedMode)
        {
            Note(mode is StrategyMode.Halted or StrategyMode.StaleData ? "warn" : "info", FormattableString.Invariant($"mode {_lastReportedMode} -> {mode}"));
            _lastReportedMode = mode;
        }
    }

    /// <summary>Sends a plan: cancels, then modifies, then new orders; every answer goes back into the maker.</summary>
    private async Task ExecuteAsync(MarketMaker maker, RequotePlan plan, CancellationToken ct)
    {
        if (plan.Cancels.Count > 0)
        {
            var requests = plan.Cancels.Select(o => new CancelRequest(_parameters.Coin, o.OrderId, o.Cloid)).ToList();
            maker.Stats.RequestsSent += requests.Count;
            var results = await _exchange.CancelOrdersAsync(requests, ct).ConfigureAwait(false);
            for (var i = 0; i < plan.Cancels.Count; i++)
            {
                var result = i < results.Count ? results[i] : CancelResult.Failed(RejectReason.Unknown, "no answer for this cancel");
                maker.ApplyCancelResult(plan.Cancels[i], result);
                _observer.OnCancelResult(_parameters.Name, NowMs, plan.Cancels[i], result);
            }
        }

        if (plan.Modifies.Count > 0)
        {
            var pending = plan.Modifies.Select(m => maker.TrackPending(m.Replacement, NowMs)).ToList();
            var requests = plan.Modifies.Select(m => new ModifyRequest(m.Target.OrderId, m.Target.OrderId is null ? m.Target.Cloid : null, m.Replacement)).ToList();
            maker.Stats.RequestsSent += requests.Count;
            var results = await _exchange.ModifyOrdersAsync(requests, ct).ConfigureAwait(false);
            for (var i = 0; i < plan.Modifies.Count; i++)
            {
                var (target, replacement) = plan.Modifies[i];
                var result = i < results.Count ? results[i] : OrderResult.Rejected(RejectReason.Unknown, "no answer for this modify");
                ApplyModifyResult(maker, target, pending[i], result);
                _observer.OnOrderResult(_parameters.Name, NowMs, "modify", replacement, result);
                ReactToRejection(replacement, result);
            }
        }

        if (plan.Places.Count > 0)
        {
            var pending = plan.Places.Select(p => maker.TrackPending(p, NowMs)).ToList();
            maker.Stats.RequestsSent += plan.Places.Count;
            var results = await _exchange.PlaceOrdersAsync(plan.Places, ct).ConfigureAwait(false);
            for (var i = 0; i < plan.Places.Count; i++)
            {
                var result = i < results.Count ? results[i] : OrderResult.Rejected(RejectReason.Unknown, "no answer for this order");
                maker.ApplyPlaceResult(pending[i], result);
                _observer.OnOrderResult(_parameters.Name, NowMs, "place", plan.Places[i], result);
                ReactToRejection(plan.Places[i], result);
            }
        }
    }

    private static void ApplyModifyResult(MarketMaker maker, ManagedOrder target, ManagedOrder replacement, OrderResult result)
    {
        if (result.IsAccepted)
        {
            maker.Orders.Remove(target);
            maker.ApplyPlaceResult(replacement, result);
            return;
        }

        maker.ApplyPlaceResult(replacement, result);
        if (result.Reason == RejectReason.OrderNotFound)
        {
            maker.Orders.Remove(target);
        }
        else
        {
            // Whether the venue cancelled the old order when the new one was refused is not documented:
            // look it up before relying on it.
            target.State = ManagedOrderState.Ambiguous;
        }
    }

    private void ReactToRejection(OrderRequest request, OrderResult result)
    {
        if (result.IsAccepted)
        {
            (request.Side == Side.Buy ? _bidBackoff : _askBackoff).Reset();
            return;
        }

        var now = NowMs;
        switch (result.Reason)
        {
            case RejectReason.PostOnlyWouldCross:
                // The touch moved: requote on the next book behind the new touch.
                _requoteNow = true;
                break;
            case RejectReason.InsufficientMargin or RejectReason.MinNotional or RejectReason.ReduceOnlyWouldIncrease
                or RejectReason.OpenInterestCap or RejectReason.MarginTierLimit or RejectReason.PriceTooFarFromOracle
                or RejectReason.TooManyOpenOrders:
                var backoff = request.Side == Side.Buy ? _bidBackoff : _askBackoff;
                var delay = backoff.Trip(now);
                Note("warn", FormattableString.Invariant($"{request.Side} rejected ({result.Reason}): {result.Message}; that side pauses {delay / 1000.0:0.#} s"));
                break;
            default:
                if (!result.Reason.IsTransient())
                {
                    Note("warn", FormattableString.Invariant($"{request.Side} rejected ({result.Reason}): {result.Message}"));
                }

                break;
        }

        if (Maker is { } maker)
        {
            maker.LastError = FormattableString.Invariant($"{result.Reason}: {result.Message}");
        }
    }

    private void ApplyBackoff(RequotePlan plan, long now)
    {
        var bidPaused = _bidBackoff.IsActive(now);
        var askPaused = _askBackoff.IsActive(now);
        if (!bidPaused && !askPaused)
        {
            return;
        }

        bool Paused(Side side) => side == Side.Buy ? bidPaused : askPaused;
        plan.Places.RemoveAll(p => Paused(p.Side));
        plan.Modifies.RemoveAll(m => Paused(m.Replacement.Side));
    }

    private async Task ResyncAsync(MarketMaker maker, CancellationToken ct)
    {
        // Fills since a minute before the newest one we know (venue clock): anything missed while the stream was down.
        var since = Math.Max(0, Math.Max(maker.AdoptedAtMs, maker.LastFillVenueMs) - 60_000);
        var fills = await _exchange.GetFillsAsync(since, ct).ConfigureAwait(false);
        var now = NowMs;
        var recovered = 0;
        foreach (var fill in fills)
        {
            var outcome = maker.OnFill(fill, now);
            if (outcome is FillOutcome.Applied or FillOutcome.Historical)
            {
                recovered += outcome == FillOutcome.Applied ? 1 : 0;
                _observer.OnFill(_parameters.Name, fill, outcome == FillOutcome.Historical, maker.Ledger.Position, maker.Mid);
            }
        }

        var account = await _exchange.GetAccountAsync(_parameters.Coin, ct).ConfigureAwait(false);
        if (account.Position != maker.Ledger.Position)
        {
            Note("warn", FormattableString.Invariant($"resync: venue position {account.Position} differs from ours {maker.Ledger.Position}; adopting the venue's"));
            maker.Ledger.Reset(account.Position, account.EntryPrice);
        }

        // Our tracked orders that the venue no longer lists are gone; ours it lists that we lost track of are cancelled.
        var venueByCloid = account.OpenOrders.Where(o => o.Cloid is { } c && maker.Cloids.Owns(c)).ToDictionary(o => o.Cloid!.Value);
        foreach (var order in maker.Orders.All.ToList())
        {
            if (venueByCloid.Remove(order.Cloid, out var listed))
            {
                maker.ApplyLookup(order, new OrderLookup(order.Cloid, OrderState.Open, listed));
            }
            else
            {
                maker.Orders.Remove(order);
            }
        }

        if (venueByCloid.Count > 0)
        {
            var cancels = venueByCloid.Values.Select(o => new CancelRequest(o.Coin, o.OrderId, o.Cloid)).ToList();
            maker.Stats.RequestsSent += cancels.Count;
            await _exchange.CancelOrdersAsync(cancels, ct).ConfigureAwait(false);
        }

        maker.AwaitingResync = false;
        _requoteNow = true;
        Note("info", FormattableString.Invariant($"resynced over REST: {recovered} missed fills applied, position {maker.Ledger.Position}, {maker.Orders.Count} orders tracked"));
    }

    private async Task ResolveAmbiguousAsync(MarketMaker maker, CancellationToken ct)
    {
        foreach (var order in maker.Orders.All.Where(o => o.State == ManagedOrderState.Ambiguous).ToList())
        {
            var lookup = await _exchange.GetOrderAsync(order.Cloid, ct).ConfigureAwait(false);
            maker.ApplyLookup(order, lookup);
            Note("info", FormattableString.Invariant($"order {order.Cloid} after an unclear answer: {lookup.State}"));
        }
    }

    private async Task CheckBudgetAsync(MarketMaker maker, long now, CancellationToken ct)
    {
        if (_lastBudgetCheckMs != long.MinValue && now - _lastBudgetCheckMs < BudgetCheckIntervalMs)
        {
            return;
        }

        _lastBudgetCheckMs = now;
        var budget = await _exchange.GetRequestBudgetAsync(ct).ConfigureAwait(false);
        var slowdown = BudgetSlowdown(budget);
        if (slowdown != _cycleSlowdown)
        {
            Note(slowdown > 1.0 ? "warn" : "info", FormattableString.Invariant(
                $"request budget {budget.Remaining} of {budget.Cap} left: requote interval × {slowdown}"));
            _cycleSlowdown = slowdown;
        }
    }

    /// <summary>
    /// Keeps the venue's dead-man switch armed (scheduleCancel a minute ahead) while the strategy has orders. A
    /// venue that refuses it (new accounts: volume gate) is not asked again; the client-side watchdog covers that.
    /// </summary>
    private async Task RefreshDeadManAsync(MarketMaker maker, long now, CancellationToken ct)
    {
        if (!_deadManAvailable || _options.DeadManRefresh <= TimeSpan.Zero || maker.Orders.Count == 0
            || (_lastDeadManMs != long.MinValue && now - _lastDeadManMs < (long)_options.DeadManRefresh.TotalMilliseconds))
        {
            return;
        }

        _lastDeadManMs = now;
        maker.Stats.RequestsSent++;
        var result = await _exchange.ScheduleCancelAsync(_time.GetUtcNow() + _options.DeadManHorizon, ct).ConfigureAwait(false);
        if (!result.Success && !result.Reason.IsTransient())
        {
            _deadManAvailable = false;
            Note("warn", "the venue refuses the dead-man switch (" + result.Message + "): relying on the client-side watchdog");
        }
    }

    /// <summary>
    /// The position is built from fills as they arrive; every so often it is compared with the venue's. A mismatch
    /// seen twice in a row (so not a fill in flight) is corrected to the venue's figure and reported.
    /// </summary>
    private async Task CheckPositionAsync(MarketMaker maker, long now, CancellationToken ct)
    {
        if (_options.PositionCheckInterval <= TimeSpan.Zero
            || (_lastPositionCheckMs != long.MinValue && now - _lastPositionCheckMs < (long)_options.PositionCheckInterval.TotalMilliseconds))
        {
            return;
        }

        _lastPositionCheckMs = now;
        var account = await _exchange.GetAccountAsync(_parameters.Coin, ct).ConfigureAwait(false);
        if (account.Position == maker.Ledger.Position)
        {
            _pendingPositionMismatch = null;
            return;
        }

        if (_pendingPositionMismatch == account.Position)
        {
            Note("warn", FormattableString.Invariant($"position check: venue {account.Position}, ours {maker.Ledger.Position}; adopting the venue's"));
            maker.Ledger.Reset(account.Position, account.EntryPrice);
            _pendingPositionMismatch = null;
            _requoteNow = true;
        }
        else
        {
            _pendingPositionMismatch = account.Position;
        }
    }

    /// <summary>Requote-interval multiplier from the address budget: ×1 above 20 % left, ×4 above 5 %, ×16 below.</summary>
    public static double BudgetSlowdown(RequestBudget budget)
    {
        if (budget.Cap <= 0)
        {
            return 1.0;
        }

        var left = (double)budget.Remaining / budget.Cap;
        return left > 0.20 ? 1.0 : left > 0.05 ? 4.0 : 16.0;
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

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15), _time);
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
            var account = await _exchange.GetAccountAsync(_parameters.Coin, cts.Token).ConfigureAwait(false);
            var leftovers = account.OpenOrders.Where(o => o.Cloid is { } c && maker.Cloids.Owns(c))
                .Select(o => new CancelRequest(o.Coin, o.OrderId, o.Cloid)).ToList();
            if (leftovers.Count > 0)
            {
                maker.Stats.RequestsSent += leftovers.Count;
                await _exchange.CancelOrdersAsync(leftovers, cts.Token).ConfigureAwait(false);
            }

            maker.Orders.Clear();
            if (_lastDeadManMs != long.MinValue && _deadManAvailable)
            {
                await _exchange.ScheduleCancelAsync(null, cts.Token).ConfigureAwait(false);
            }

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
        var status = maker.Snapshot(now);
        Volatile.Write(ref _status, status);
        _observer.OnStatus(status);
    }

    private void Note(string level, string message) => _observer.OnNote(_parameters.Name, NowMs, level, message);

    /// <summary>Exponential pause for one side after a rejection that would repeat if retried at once.</summary>
    private sealed class SideBackoff
    {
        private long _until = long.MinValue;
        private int _delayMs;

        public bool IsActive(long now) => now < _until;

        public int Trip(long now)
        {
            _delayMs = _delayMs == 0 ? BackoffStartMs : Math.Min(BackoffMaxMs, _delayMs * 2);
            _until = now + _delayMs;
            return _delayMs;
        }

        public void Reset()
        {
            _delayMs = 0;
            _until = long.MinValue;
        }
    }
}
