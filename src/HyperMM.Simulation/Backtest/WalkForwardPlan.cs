using HyperMM.Simulation.Market;

namespace HyperMM.Simulation.Backtest;

/// <summary>
/// Cuts time-ordered events into walk-forward folds. The data is first split at gaps longer than the backtest's
/// max gap (<see cref="BacktestSession.Split"/>): a fold never spans a gap. In each stretch, starting at its first
/// event, fold k trains on [start + k·step, start + k·step + train) and tests on the following
/// [.. + train, .. + train + test); a fold is made only when its test window ends at or before the stretch's last
/// event (no partial test windows). With step ≥ test the test windows never overlap, so each minute of data counts
/// at most once out of sample.
/// </summary>
public static class WalkForwardPlan
{
    public static IReadOnlyList<WalkForwardWindow> Folds(IReadOnlyList<MarketEvent> events, TimeSpan train, TimeSpan test, TimeSpan step, TimeSpan? maxGap)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (train <= TimeSpan.Zero || test <= TimeSpan.Zero || step <= TimeSpan.Zero)
        {
            throw new ArgumentException("train, test and step must be positive");
        }

        var (trainMs, testMs, stepMs) = ((long)train.TotalMilliseconds, (long)test.TotalMilliseconds, (long)step.TotalMilliseconds);
        var folds = new List<WalkForwardWindow>();
        foreach (var stretch in BacktestSession.Split(events, maxGap))
        {
            if (stretch.Count == 0)
            {
                continue;
            }

            var start = stretch[0].TimeMs;
            var last = stretch[^1].TimeMs;
            for (var trainStart = start; trainStart + trainMs + testMs <= last; trainStart += stepMs)
            {
                var testStart = trainStart + trainMs;
                var testEnd = testStart + testMs;
                folds.Add(new WalkForwardWindow(folds.Count + 1, trainStart, testStart, testEnd, Slice(stretch, trainStart, testStart), Slice(stretch, testStart, testEnd)));
            }
        }

        return folds;
    }

    /// <summary>The longest stretch of data without a gap longer than <paramref name="maxGap"/>, in milliseconds.</summary>
    public static long LongestStretchMs(IReadOnlyList<MarketEvent> events, TimeSpan? maxGap)
    {
        ArgumentNullException.ThrowIfNull(events);
        return BacktestSession.Split(events, maxGap).Where(s => s.Count > 0).Select(s => s[^1].TimeMs - s[0].TimeMs).DefaultIfEmpty(0).Max();
    }

    /// <summary>Events with fromMs ≤ time &lt; toMs (the list is time-ordered).</summary>
    private static List<MarketEvent> Slice(IReadOnlyList<MarketEvent> events, long fromMs, long toMs)
    {
        var first = LowerBound(events, fromMs);
        var end = LowerBound(events, toMs);
        var slice = new List<MarketEvent>(end - first);
        for (var i = first; i < end; i++)
        {
            slice.Add(events[i]);
        }

        return slice;
    }

    private static int LowerBound(IReadOnlyList<MarketEvent> events, long timeMs)
    {
        var (lo, hi) = (0, events.Count);
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (events[mid].TimeMs < timeMs)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
