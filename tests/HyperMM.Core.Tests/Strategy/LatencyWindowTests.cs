using HyperMM.Core.Strategy;

namespace HyperMM.Core.Tests.Strategy;

public class LatencyWindowTests
{
    /// <summary>The implementation before the summary was cached: copy the filled part, sort, nearest rank.</summary>
    private static TickToOrder? Reference(List<double> all, int capacity)
    {
        if (all.Count == 0)
        {
            return null;
        }

        var window = all.Skip(Math.Max(0, all.Count - capacity)).ToArray();
        Array.Sort(window);
        double Rank(double q) => window[Math.Clamp((int)Math.Ceiling(q * window.Length) - 1, 0, window.Length - 1)];
        return new TickToOrder(all[^1], Rank(0.50), Rank(0.99), window.Length);
    }

    [Fact]
    public void Cached_summary_equals_a_fresh_sort_after_every_sample_and_across_the_ring_wrap()
    {
        const int capacity = 16;
        var window = new LatencyWindow(capacity);
        var all = new List<double>();
        var random = new Random(7);
        Assert.Null(window.Summary());
        for (var i = 0; i < 50; i++)
        {
            var ms = Math.Round(random.NextDouble() * 100, 3);
            window.Add(TimeSpan.FromMilliseconds(ms));
            all.Add(TimeSpan.FromMilliseconds(ms).TotalMilliseconds);
            Assert.Equal(Reference(all, capacity), window.Summary());
            Assert.Equal(Reference(all, capacity), window.Summary()); // asked twice without a new sample
        }
    }

    [Fact]
    public void Hand_checked_percentiles_of_four_samples()
    {
        var window = new LatencyWindow(4);
        foreach (var ms in new[] { 40.0, 10.0, 30.0, 20.0 })
        {
            window.Add(TimeSpan.FromMilliseconds(ms));
        }

        // sorted 10, 20, 30, 40: p50 = rank ceil(0.5·4) = 2 → 20; p99 = rank ceil(0.99·4) = 4 → 40; last = 20.
        Assert.Equal(new TickToOrder(20, 20, 40, 4), window.Summary());
    }
}
