using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;

namespace HyperMM.Core.Strategy;

/// <summary>
/// Sends a requote plan (cancels, then modifies, then new orders), feeds every answer back into the maker, and
/// decides what a rejection does to the next cycle: a post-only refusal requotes at once behind the new touch; a
/// refusal that would repeat pauses that side (<see cref="RejectionBackoff"/>).
/// </summary>
public sealed class PlanExecutor(LoopServices loop, RejectionBackoff backoff, RequoteClock clock)
{
    /// <summary>The per-side pauses this executor trips and resets.</summary>
    public RejectionBackoff Backoff => backoff;

    public async Task ExecuteAsync(MarketMaker maker, RequotePlan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(maker);
        ArgumentNullException.ThrowIfNull(plan);
        var coin = loop.Parameters.Coin;
        if (plan.Cancels.Count > 0)
        {
            var requests = plan.Cancels.Select(o => new CancelRequest(coin, o.OrderId, o.Cloid)).ToList();
            maker.Stats.RequestsSent += requests.Count;
            var results = await loop.Exchange.CancelOrdersAsync(requests, ct).ConfigureAwait(false);
            for (var i = 0; i < plan.Cancels.Count; i++)
            {
                var result = i < results.Count ? results[i] : CancelResult.Failed(RejectReason.Unknown, "no answer for this cancel");
                maker.ApplyCancelResult(plan.Cancels[i], result);
                loop.Observer.OnCancelResult(loop.Name, loop.NowMs, plan.Cancels[i], result);
            }
        }

        if (plan.Modifies.Count > 0)
        {
            var pending = plan.Modifies.Select(m => maker.TrackPending(m.Replacement, loop.NowMs)).ToList();
            var requests = plan.Modifies.Select(m => new ModifyRequest(m.Target.OrderId, m.Target.OrderId is null ? m.Target.Cloid : null, m.Replacement)).ToList();
            maker.Stats.RequestsSent += requests.Count;
            maker.Stats.OrdersPlaced += requests.Count;
            var results = await loop.Exchange.ModifyOrdersAsync(requests, ct).ConfigureAwait(false);
            for (var i = 0; i < plan.Modifies.Count; i++)
            {
                var (target, replacement) = plan.Modifies[i];
                var result = i < results.Count ? results[i] : OrderResult.Rejected(RejectReason.Unknown, "no answer for this modify");
                ApplyModifyResult(maker, target, pending[i], result);
                loop.Observer.OnOrderResult(loop.Name, loop.NowMs, "modify", replacement, result);
                ReactToRejection(maker, replacement, result);
            }
        }

        if (plan.Places.Count > 0)
        {
            var pending = plan.Places.Select(p => maker.TrackPending(p, loop.NowMs)).ToList();
            maker.Stats.RequestsSent += plan.Places.Count;
            maker.Stats.OrdersPlaced += plan.Places.Count;
            var results = await loop.Exchange.PlaceOrdersAsync(plan.Places, ct).ConfigureAwait(false);
            for (var i = 0; i < plan.Places.Count; i++)
            {
                var result = i < results.Count ? results[i] : OrderResult.Rejected(RejectReason.Unknown, "no answer for this order");
                maker.ApplyPlaceResult(pending[i], result);
                loop.Observer.OnOrderResult(loop.Name, loop.NowMs, "place", plan.Places[i], result);
                ReactToRejection(maker, plan.Places[i], result);
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

    private void ReactToRejection(MarketMaker maker, OrderRequest request, OrderResult result)
    {
        if (result.IsAccepted)
        {
            backoff.Reset(request.Side);
            return;
        }

        switch (result.Reason)
        {
            case RejectReason.PostOnlyWouldCross:
                // The touch moved: requote on the next book behind the new touch.
                clock.RequestNow();
                break;
            case RejectReason.InsufficientMargin or RejectReason.MinNotional or RejectReason.ReduceOnlyWouldIncrease
                or RejectReason.OpenInterestCap or RejectReason.PositionLimit or RejectReason.PriceOutsideBand
                or RejectReason.TooManyOpenOrders:
                var delay = backoff.Trip(request.Side, loop.NowMs);
                loop.Note("warn", FormattableString.Invariant($"{request.Side} rejected ({result.Reason}): {result.Message}; that side pauses {delay / 1000.0:0.#} s"));
                break;
            default:
                if (!result.Reason.IsTransient())
                {
                    loop.Note("warn", FormattableString.Invariant($"{request.Side} rejected ({result.Reason}): {result.Message}"));
                }

                break;
        }

        maker.LastError = FormattableString.Invariant($"{result.Reason}: {result.Message}");
    }
}
