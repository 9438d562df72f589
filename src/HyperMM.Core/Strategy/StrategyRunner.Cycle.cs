using HyperMM.Core.Model;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;

namespace HyperMM.Core.Strategy;

/// <summary>The requote cycle: quote, plan, send, and what rejections do to the next cycle.</summary>
public sealed partial class StrategyRunner
{
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
            if (_bookReadAt is { } bookReadAt)
            {
                _tickToOrder.Add(_time.GetElapsedTime(bookReadAt));
            }

            await ExecuteAsync(maker, plan, ct).ConfigureAwait(false);
        }

        _bookReadAt = null;

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
            maker.Stats.OrdersPlaced += requests.Count;
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
            maker.Stats.OrdersPlaced += plan.Places.Count;
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
        else if (result.Reason == RejectReason.PostOnlyWouldCross)
        {
            // The venue checked the new order before touching the old one and refused it: the old order still rests
            // where it was (it is not an unclear order); the next cycle re-prices behind the touch.
            target.State = ManagedOrderState.Resting;
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
                or RejectReason.OpenInterestCap or RejectReason.PositionLimit or RejectReason.PriceOutsideBand
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
}
