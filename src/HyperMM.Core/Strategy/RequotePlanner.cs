using HyperMM.Core.Model;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;

namespace HyperMM.Core.Strategy;

/// <summary>
/// Turns a quote and the strategy's live orders into cancels, modifies and new orders (pure).
/// <list type="bullet">
/// <item><b>Replace</b>: cancel every live order, then place the quoted sides.</item>
/// <item><b>Amend</b>: per side, keep one order if its price is within the price tolerance (bps of mid), its
/// remaining size lies in [(1 - tolerance) × quoted size, quoted size] (never more than quoted, so caps hold), and its
/// tif and reduce-only flags match; otherwise modify it into the quote; extra orders on a side are cancelled; a side
/// no longer quoted is cancelled. A side that crosses (the fill-pressure reduce-only order at the opposite touch) is
/// never a modify: a batchModify without <c>"a": true</c> may only place an Alo or a non-crossing Gtc order (PROTOCOL
/// §2.2, batchModify), so the venue would refuse it as post-only. Its resting orders are cancelled and the crossing
/// order goes out as a new reduce-only order, exactly as in replace mode.</item>
/// </list>
/// Only orders known to rest are planned over; pending or ambiguous orders must be resolved first.
/// </summary>
public static class RequotePlanner
{
    public static RequotePlan Plan(
        QuoteResult quote,
        IEnumerable<ManagedOrder> liveOrders,
        StrategyParameters parameters,
        Func<Cloid> nextCloid)
    {
        ArgumentNullException.ThrowIfNull(liveOrders);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(nextCloid);
        var plan = new RequotePlan();
        var bids = new List<ManagedOrder>(2);
        var asks = new List<ManagedOrder>(2);
        foreach (var order in liveOrders)
        {
            (order.Side == Side.Buy ? bids : asks).Add(order);
        }

        if (parameters.RequoteMode == RequoteMode.Replace)
        {
            plan.Cancels.AddRange(bids);
            plan.Cancels.AddRange(asks);
            AddPlace(plan, quote.Bid, parameters, nextCloid);
            AddPlace(plan, quote.Ask, parameters, nextCloid);
            return plan;
        }

        PlanSide(plan, quote.Bid, bids, quote.Mid, parameters, nextCloid);
        PlanSide(plan, quote.Ask, asks, quote.Mid, parameters, nextCloid);
        return plan;
    }

    /// <summary>Amend-mode test: may this resting order stand for the quoted side?</summary>
    public static bool IsCloseEnough(ManagedOrder order, SideQuote wanted, decimal mid, StrategyParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(parameters);
        if (!wanted.IsQuoted || order.Tif != wanted.Tif || order.ReduceOnly != wanted.ReduceOnly || mid <= 0m)
        {
            return false;
        }

        var priceDistanceBps = (double)(Math.Abs(order.Price - wanted.Price) / mid) * 10_000.0;
        var minSize = wanted.Size * (decimal)(1.0 - parameters.AmendSizeTolerance);
        return priceDistanceBps <= parameters.AmendPriceToleranceBps
            && order.Remaining <= wanted.Size
            && order.Remaining >= minSize;
    }

    private static void PlanSide(RequotePlan plan, SideQuote wanted, List<ManagedOrder> existing, decimal mid, StrategyParameters parameters, Func<Cloid> nextCloid)
    {
        if (existing.Count == 0)
        {
            AddPlace(plan, wanted, parameters, nextCloid);
            return;
        }

        // Keep the best candidate (the one needing no change), touch one more at most, cancel the rest.
        var keepIndex = existing.FindIndex(o => IsCloseEnough(o, wanted, mid, parameters));
        if (keepIndex >= 0)
        {
            plan.Kept++;
            for (var i = 0; i < existing.Count; i++)
            {
                if (i != keepIndex)
                {
                    plan.Cancels.Add(existing[i]);
                }
            }

            return;
        }

        if (!wanted.IsQuoted)
        {
            plan.Cancels.AddRange(existing);
            return;
        }

        if (wanted.Crosses)
        {
            plan.Cancels.AddRange(existing);
            AddPlace(plan, wanted, parameters, nextCloid);
            return;
        }

        plan.Modifies.Add((existing[0], ToRequest(wanted, parameters, nextCloid())));
        for (var i = 1; i < existing.Count; i++)
        {
            plan.Cancels.Add(existing[i]);
        }
    }

    private static void AddPlace(RequotePlan plan, SideQuote wanted, StrategyParameters parameters, Func<Cloid> nextCloid)
    {
        if (wanted.IsQuoted)
        {
            plan.Places.Add(ToRequest(wanted, parameters, nextCloid()));
        }
    }

    private static OrderRequest ToRequest(SideQuote wanted, StrategyParameters parameters, Cloid cloid) =>
        new(parameters.Coin, wanted.Side, wanted.Price, wanted.Size, wanted.Tif, wanted.ReduceOnly, cloid);
}
