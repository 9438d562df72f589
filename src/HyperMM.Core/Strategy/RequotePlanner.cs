using HyperMM.Core.Model;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;

namespace HyperMM.Core.Strategy;

/// <summary>
/// Turns a model's desired orders (any number per side) and the strategy's open orders into cancels, modifies and new
/// orders (pure).
/// <list type="bullet">
/// <item><b>Replace</b>: cancel every open order, then place every quoted order.</item>
/// <item><b>Amend</b>, per side: first each desired order (nearest the mid first) keeps an open order that is close
/// enough — price within the tolerance (bps of mid), remaining size in [(1 - tolerance) × desired size, desired size]
/// (never more than desired, so caps hold), same tif and reduce-only; then each desired order still unmatched takes
/// the nearest unmatched open order and modifies it, or is placed new when none is left; open orders left over are
/// cancelled (a side no longer quoted loses all of them). A desired order that crosses (the fill-pressure reduce-only
/// order at the opposite touch) is never a modify: a batchModify without <c>"a": true</c> may only place an Alo or a
/// non-crossing Gtc order (PROTOCOL §2.2, batchModify), so the venue would refuse it as post-only. It goes out as a new
/// reduce-only order and the side's open orders it did not keep are cancelled, exactly as in replace mode.</item>
/// </list>
/// Only orders known to rest are planned over; pending or unclear ones must be settled first.
/// </summary>
public static class RequotePlanner
{
    public static RequotePlan Plan(
        ModelQuote quote,
        IEnumerable<ManagedOrder> restingOrders,
        StrategyParameters parameters,
        Func<Cloid> nextCloid)
    {
        ArgumentNullException.ThrowIfNull(quote);
        ArgumentNullException.ThrowIfNull(restingOrders);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(nextCloid);
        var plan = new RequotePlan();
        var bids = new List<ManagedOrder>(2);
        var asks = new List<ManagedOrder>(2);
        foreach (var order in restingOrders)
        {
            (order.Side == Side.Buy ? bids : asks).Add(order);
        }

        if (parameters.RequoteMode == RequoteMode.Replace)
        {
            plan.Cancels.AddRange(bids);
            plan.Cancels.AddRange(asks);
            foreach (var wanted in quote.Orders)
            {
                AddPlace(plan, wanted, parameters, nextCloid);
            }

            return plan;
        }

        PlanSide(plan, Wanted(quote, Side.Buy), bids, quote.Mid, parameters, nextCloid);
        PlanSide(plan, Wanted(quote, Side.Sell), asks, quote.Mid, parameters, nextCloid);
        return plan;
    }

    /// <summary>Amend-mode test: may this resting order stand for the desired one?</summary>
    public static bool IsCloseEnough(ManagedOrder order, SideQuote wanted, decimal mid, StrategyParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(parameters);
        if (!wanted.IsQuoted || order.Side != wanted.Side || order.Tif != wanted.Tif || order.ReduceOnly != wanted.ReduceOnly || mid <= 0m)
        {
            return false;
        }

        var priceDistanceBps = (double)(Math.Abs(order.Price - wanted.Price) / mid) * Bps.PerUnit;
        var minSize = wanted.Size * (decimal)(1.0 - parameters.AmendSizeTolerance);
        return priceDistanceBps <= parameters.AmendPriceToleranceBps
            && order.Remaining <= wanted.Size
            && order.Remaining >= minSize;
    }

    private static List<SideQuote> Wanted(ModelQuote quote, Side side)
    {
        var wanted = new List<SideQuote>(2);
        foreach (var order in quote.Orders)
        {
            if (order.Side == side && order.IsQuoted)
            {
                wanted.Add(order);
            }
        }

        return wanted;
    }

    private static void PlanSide(RequotePlan plan, List<SideQuote> wanted, List<ManagedOrder> existing, decimal mid, StrategyParameters parameters, Func<Cloid> nextCloid)
    {
        // Open orders nearest the mid first (a stable sort: equal prices keep their order), so level i meets the i-th nearest.
        var open = existing.Count > 1
            ? [.. existing.OrderBy(o => o.Side == Side.Buy ? -o.Price : o.Price)]
            : existing;
        var used = new bool[open.Count];
        var matched = new bool[wanted.Count];

        // 1. Keep: each desired order keeps the first unused open order close enough to it.
        for (var w = 0; w < wanted.Count; w++)
        {
            for (var o = 0; o < open.Count; o++)
            {
                if (!used[o] && IsCloseEnough(open[o], wanted[w], mid, parameters))
                {
                    used[o] = matched[w] = true;
                    plan.Kept++;
                    break;
                }
            }
        }

        // 2. The rest: modify the nearest unused open order into it, or place it new (always new when it crosses).
        var next = 0;
        for (var w = 0; w < wanted.Count; w++)
        {
            if (matched[w])
            {
                continue;
            }

            while (next < open.Count && used[next])
            {
                next++;
            }

            if (wanted[w].Crosses || next >= open.Count)
            {
                AddPlace(plan, wanted[w], parameters, nextCloid);
                continue;
            }

            used[next] = true;
            plan.Modifies.Add((open[next], ToRequest(wanted[w], parameters, nextCloid())));
        }

        // 3. Open orders nothing wanted are cancelled.
        for (var o = 0; o < open.Count; o++)
        {
            if (!used[o])
            {
                plan.Cancels.Add(open[o]);
            }
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
