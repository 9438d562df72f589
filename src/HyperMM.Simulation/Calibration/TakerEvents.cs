using HyperMM.Core.Market;
using HyperMM.Core.Primitives;
using HyperMM.Simulation.Market;

namespace HyperMM.Simulation.Calibration;

/// <summary>
/// Groups a coin's trade prints into taker orders and measures each one's depth from the mid.
/// <para>
/// The mid "just before" a trade is the mid of the last two-sided book snapshot stamped strictly earlier than the
/// trade (a snapshot of the same millisecond may already show the trade's effect). Prints with the same millisecond
/// and aggressor side are one taker order (Hyperliquid prints one trade per maker it met); its depth is that of its
/// furthest print: a resting order that deep or shallower on the passive side would have been reached by it.
/// Trades before the first two-sided book are skipped.
/// </para>
/// </summary>
public static class TakerEvents
{
    public static List<TakerEvent> From(IReadOnlyList<MarketEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var result = new List<TakerEvent>();
        // "before" = the last two-sided book stamped strictly earlier than the event at hand: a book is held as
        // pending until time moves past its millisecond.
        var mid = 0.0;
        var pendingMid = 0.0;
        var pendingTimeMs = long.MaxValue;
        foreach (var e in events)
        {
            if (pendingTimeMs < e.TimeMs)
            {
                mid = pendingMid;
                pendingTimeMs = long.MaxValue;
            }

            if (e.Kind == MarketEventKind.Book)
            {
                var top = e.Book!.Top;
                if (top.IsTwoSided)
                {
                    pendingMid = (double)top.Mid;
                    pendingTimeMs = e.TimeMs;
                }

                continue;
            }

            if (mid <= 0.0)
            {
                continue;
            }

            var trade = e.Trade;
            var depth = IntensityFitter.Depth(trade, mid);
            if (result.Count > 0 && result[^1].TimeMs == trade.TimeMs && result[^1].AggressorSide == trade.AggressorSide)
            {
                var last = result[^1];
                result[^1] = last with { DepthBps = Math.Max(last.DepthBps, depth), Size = last.Size + trade.Size, Prints = last.Prints + 1 };
            }
            else
            {
                result.Add(new TakerEvent(trade.TimeMs, trade.AggressorSide, depth, trade.Size, 1));
            }
        }

        return result;
    }
}
