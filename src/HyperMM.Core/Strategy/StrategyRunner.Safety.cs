using HyperMM.Core.Model;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;

namespace HyperMM.Core.Strategy;

/// <summary>Resynchronisation, ambiguous outcomes, request budget, dead-man switch and position checks.</summary>
public sealed partial class StrategyRunner
{
    /// <summary>
    /// Fills since a minute before the newest one we know (venue clock) that the stream never delivered: after a
    /// stream interruption, and once more at shutdown (a fill between the last event read and the cancel). Each is
    /// applied once (de-duplicated by tid) and reported. Returns how many were new to the position.
    /// </summary>
    private async Task<int> RecoverFillsAsync(MarketMaker maker, CancellationToken ct)
    {
        var since = Math.Max(0, Math.Max(maker.AdoptedAtMs, maker.LastFillVenueMs) - 60_000);
        var fills = await _exchange.GetFillsAsync(since, ct).ConfigureAwait(false);
        var now = NowMs;
        var recovered = 0;
        foreach (var fill in fills)
        {
            var outcome = maker.OnFill(fill, now, out var booking);
            if (booking is not null)
            {
                recovered += outcome == FillOutcome.Applied ? 1 : 0;
                _observer.OnFill(_parameters.Name, fill, booking);
            }
        }

        return recovered;
    }

    /// <summary>Attempts of <see cref="CancelPatientlyAsync"/> before what is left is reported.</summary>
    private const int PatientCancelAttempts = 6;

    /// <summary>Once the address budget is used up the venue still takes one request per 10 s (PROTOCOL §7.2).</summary>
    private static readonly TimeSpan AddressBudgetPause = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Cancels, and while the venue refuses for its limits (the address request budget, the IP weight window) waits and
    /// tries the refused ones again, saying so, instead of giving up: reconciliation after a restart must clear what an
    /// earlier run left. Bounded by <see cref="PatientCancelAttempts"/> and the run's cancellation. Returns how many
    /// orders are gone.
    /// </summary>
    private async Task<int> CancelPatientlyAsync(MarketMaker maker, IReadOnlyList<CancelRequest> cancels, string what, CancellationToken ct)
    {
        var gone = 0;
        var pending = cancels;
        for (var attempt = 1; ; attempt++)
        {
            maker.Stats.RequestsSent += pending.Count;
            var results = await _exchange.CancelOrdersAsync(pending, ct).ConfigureAwait(false);
            MarkProgress();
            var again = new List<CancelRequest>();
            for (var i = 0; i < pending.Count && i < results.Count; i++)
            {
                if (results[i].OrderGone)
                {
                    gone++;
                }
                else if (results[i].Reason is RejectReason.AddressRateLimited or RejectReason.HttpRateLimited)
                {
                    again.Add(pending[i]);
                }
            }

            if (again.Count == 0 || attempt >= PatientCancelAttempts)
            {
                return gone;
            }

            Note("warn", FormattableString.Invariant(
                $"rate limited by the venue: waiting {AddressBudgetPause.TotalSeconds:0} s before retrying the cancel of {again.Count} {what}"));
            await WaitAliveAsync(AddressBudgetPause, ct).ConfigureAwait(false);
            pending = again;
        }
    }

    /// <summary>Waits, marking progress every second: a loop waiting for the venue is not a stuck loop.</summary>
    private async Task WaitAliveAsync(TimeSpan wait, CancellationToken ct)
    {
        var until = _time.GetTimestamp() + (long)(wait.TotalSeconds * _time.TimestampFrequency);
        while (_time.GetTimestamp() < until)
        {
            MarkProgress();
            var left = TimeSpan.FromSeconds((until - _time.GetTimestamp()) / (double)_time.TimestampFrequency);
            await Task.Delay(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1), _time, ct).ConfigureAwait(false);
        }
    }

    private async Task ResyncAsync(MarketMaker maker, CancellationToken ct)
    {
        var recovered = await RecoverFillsAsync(maker, ct).ConfigureAwait(false);

        var account = await _exchange.GetAccountAsync(_parameters.Coin, ct).ConfigureAwait(false);
        if (account.Position != maker.Ledger.Position)
        {
            Note("warn", FormattableString.Invariant($"resync: venue position {account.Position} differs from ours {maker.Ledger.Position}; adopting the venue's"));
            Book(maker.AdoptPosition(account.Position, account.EntryPrice, NowMs));
        }

        // Our tracked orders that the venue no longer lists are gone; ours it lists that we lost track of are cancelled.
        var venueByCloid = _ours.In(account).ToDictionary(o => o.Cloid!.Value);
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
            var cancels = venueByCloid.Values.Select(OwnOrders.CancelOf).ToList();
            await CancelPatientlyAsync(maker, cancels, "orders the venue lists that we lost track of", ct).ConfigureAwait(false);
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
        _budget = budget;
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
            Book(maker.AdoptPosition(account.Position, account.EntryPrice, now));
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
}
