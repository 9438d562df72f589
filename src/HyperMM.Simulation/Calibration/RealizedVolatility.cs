using HyperMM.Core.Primitives;
using HyperMM.Simulation.Market;

namespace HyperMM.Simulation.Calibration;

/// <summary>
/// Per-second variance of log mid returns over a whole recording, in bps²/s: the same sampling as the strategy's
/// <see cref="Core.Model.VolatilityEstimator"/> (slots of the sampling interval, a slot's value is the last mid seen
/// in it, a return across n empty slots counts as n intervals) without its prior, rolling window or outlier clip,
/// since calibration wants the recording's unconditional level: Σ r² / (intervals spanned × interval seconds).
/// </summary>
public static class RealizedVolatility
{
    /// <summary>Variance per second (bps²/s) and the number of intervals it spans; (NaN, 0) with fewer than two sampled slots.</summary>
    public static (double VariancePerSecond, long Intervals) Measure(IReadOnlyList<MarketEvent> events, double sampleIntervalSeconds)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleIntervalSeconds);
        var intervalMs = Math.Max(1L, (long)Math.Round(sampleIntervalSeconds * 1000.0));
        var sum = 0.0;
        long first = long.MinValue, closedSlot = long.MinValue, currentSlot = long.MinValue;
        double closedMid = 0, currentMid = 0;
        foreach (var e in events)
        {
            if (e.Kind != MarketEventKind.Book || !e.Book!.Top.IsTwoSided)
            {
                continue;
            }

            var slot = Math.DivRem(e.TimeMs, intervalMs, out var rem) - (rem < 0 ? 1 : 0);
            if (currentSlot != long.MinValue && slot > currentSlot)
            {
                Close(currentSlot, currentMid);
            }

            currentSlot = Math.Max(slot, currentSlot);
            currentMid = (double)e.Book.Top.Mid;
        }

        if (currentSlot != long.MinValue)
        {
            Close(currentSlot, currentMid);
        }

        var intervals = closedSlot == long.MinValue || first == long.MinValue ? 0 : closedSlot - first;
        return intervals <= 0 ? (double.NaN, 0) : (sum / intervals / (intervalMs / 1000.0), intervals);

        void Close(long slot, double mid)
        {
            if (first == long.MinValue)
            {
                first = slot;
            }
            else
            {
                var r = Math.Log(mid / closedMid) * Bps.PerUnit;
                sum += r * r;
            }

            closedSlot = slot;
            closedMid = mid;
        }
    }
}
