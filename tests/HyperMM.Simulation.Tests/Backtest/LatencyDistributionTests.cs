using HyperMM.Simulation.Backtest;
using HyperMM.Simulation.Market;
using HyperMM.TestSupport;

namespace HyperMM.Simulation.Tests.Backtest;

public sealed class LatencyDistributionTests
{
    private const int Draws = 100_000;

    private static long[] Sorted(LatencyDistribution d, int seed)
    {
        var random = new Random(seed);
        var draws = new long[Draws];
        for (var i = 0; i < draws.Length; i++)
        {
            draws[i] = d.SampleMs(random);
        }

        Array.Sort(draws);
        return draws;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Lognormal_draws_have_the_requested_median_and_p99(int seed)
    {
        var draws = Sorted(LatencyDistribution.Parse("lognormal:median=20,p99=80"), seed);

        // σ = ln(80/20)/2.3263 = 0.596. Standard error of a sample quantile: sqrt(p(1-p)/n) / density at it.
        // Median: density 1/(20·0.596·sqrt(2π)) = 0.0335/ms → SE = 0.5/sqrt(1e5)/0.0335 = 0.047 ms.
        // p99: density φ(2.326)/(80·0.596) = 0.000559/ms → SE = sqrt(0.0099/1e5)/0.000559 = 0.56 ms.
        // Tolerance: 4 SE plus 0.5 ms for the rounding of each draw to whole ms.
        Assert.InRange(draws[Draws / 2], 20 - 0.7, 20 + 0.7);
        Assert.InRange(draws[(int)(Draws * 0.99)], 80 - 2.75, 80 + 2.75);
        Assert.True(draws[0] >= 0);
    }

    [Fact]
    public void Uniform_draws_stay_within_bounds_with_the_middle_as_mean()
    {
        var draws = Sorted(LatencyDistribution.Parse("uniform:min=10,max=30"), 3);

        // mean 20, sd 20/sqrt(12) = 5.77 ms, SE of the mean 5.77/sqrt(1e5) = 0.018 ms; 0.1 ms is > 5 SE
        Assert.Equal(10, draws[0]);
        Assert.Equal(30, draws[^1]);
        Assert.InRange(draws.Average(), 19.9, 20.1);
    }

    [Theory]
    [InlineData("20", "constant:20")]
    [InlineData("constant:35", "constant:35")]
    [InlineData(" uniform:min=5, max=15 ", "uniform:min=5,max=15")]
    [InlineData("lognormal:p99=80,median=20", "lognormal:median=20,p99=80")]
    public void Text_forms_read_back(string text, string canonical)
    {
        var d = LatencyDistribution.Parse(text);
        Assert.Equal(canonical, d.ToString());
        Assert.Equal(d, LatencyDistribution.Parse(d.ToString()));
    }

    [Theory]
    [InlineData("gamma:k=2", "is not a latency")]
    [InlineData("lognormal:median=20", "'p99' is missing")]
    [InlineData("lognormal:median=80,p99=20", "0 < median < p99")]
    [InlineData("uniform:min=30,max=10", "must not exceed max")]
    [InlineData("uniform:min=1,max=2,mean=3", "unknown key 'mean'")]
    [InlineData("-5", "between 0 and 60000")]
    public void Bad_text_says_what_is_wrong(string text, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => LatencyDistribution.Parse(text));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_leg_keeps_its_messages_in_order_whatever_the_draws()
    {
        // uniform 0..100 ms, one message per ms: without the ordering rule about a third would overtake the previous one
        var leg = new LatencyLeg(LatencyDistribution.Uniform(0, 100), 7);
        var last = long.MinValue;
        for (var sent = 0L; sent < 10_000; sent++)
        {
            var due = leg.Due(sent);
            Assert.True(due >= last && due >= sent, $"message sent at {sent} due at {due} before {last}");
            last = due;
        }
    }

    [Fact]
    public void Seeded_random_latency_gives_reproducible_backtests_and_the_seed_matters()
    {
        var parameters = TestStrategies.Eth;
        var spec = TestStrategies.SpecFor(parameters);
        var events = HlCsvReader.Read(Path.Combine(SharedData.RootPath, "data/Avellaneda_Stoikov_Market_Making_parameter_calibration/HL_data"), parameters.Coin);
        BacktestResult Run(int seed) => BacktestSession.Run(parameters, spec, events,
            new BacktestOptions { Latency = LatencyOptions.Each(LatencyDistribution.LogNormal(20, 300), seed) });

        var a = Run(1);
        var b = Run(1);
        var c = Run(2);

        Assert.Equal(a.Figures, b.Figures);
        Assert.Equal(a.Fills, b.Fills);
        Assert.NotEqual(a.Quotes, c.Quotes); // a different seed draws different delays, so decisions land at other times
    }
}
