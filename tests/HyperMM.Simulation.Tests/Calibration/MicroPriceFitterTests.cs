using HyperMM.Core.Market;
using HyperMM.Core.Primitives;
using HyperMM.Simulation.Calibration;
using HyperMM.Simulation.Market;
using HyperMM.TestSupport;
using Xunit.Abstractions;

namespace HyperMM.Simulation.Tests.Calibration;

public sealed class MicroPriceFitterTests(ITestOutputHelper output)
{
    private static string HlData => Path.Combine(SharedData.RootPath, "data/Avellaneda_Stoikov_Market_Making_parameter_calibration/HL_data");

    /// <summary>
    /// A one-tick market (tick 0.1) where every step draws a fresh imbalance I ~ U(0, 1) (bid size 100·I, ask 100·(1 − I));
    /// with probability 1/2 the mid then moves one tick, up with probability I, else it stays.
    /// </summary>
    private static List<MarketEvent> ImbalanceDrivenTape(int seed, int steps)
    {
        var rng = new Random(seed);
        var coin = new Coin("ETH");
        var bid = 4000.0m;
        var events = new List<MarketEvent>();
        for (var t = 0; t < steps; t++)
        {
            var imbalance = Math.Clamp(rng.NextDouble(), 0.001, 0.999);
            var bidSize = decimal.Round((decimal)(100 * imbalance), 4);
            events.Add(MarketEvent.OfBook(new OrderBookSnapshot(coin, 1_757_000_000_000 + (t * 500L),
                [new BookLevel(bid, bidSize, 1)], [new BookLevel(bid + 0.1m, 100m - bidSize, 1)])));
            if (rng.NextDouble() < 0.5)
            {
                bid += rng.NextDouble() < imbalance ? 0.1m : -0.1m;
            }
        }

        return events;
    }

    [Fact]
    public void Synthetic_imbalance_that_drives_the_next_move_gives_the_known_adjustment()
    {
        // Known answer: from a book with imbalance I the first mid change is +1 tick with probability I (if it
        // happens now, probability 1/2) or has mean 0 (if it does not: the next I is a fresh uniform draw, whose
        // expected move 2·E[I] − 1 is 0). So G¹(I) = ½ (2I − 1) + ½ · 0 = I − ½ ticks, and after the move the next
        // I is again independent, so B·G¹ = 0 and G* = G¹. Averaged over the five buckets of width 0.2:
        // G* = −0.4, −0.2, 0, +0.2, +0.4 ticks. 40,000 steps (80,000 with the mirror) put ~16,000 in a bucket;
        // a step's contribution to r(x) has std ≤ 1, so G's standard error is about 1/sqrt(16,000)/(1 − Q) ≈ 0.016
        // tick: the tolerance is 0.06 (4 of them).
        var (fit, reason) = MicroPriceFitter.Fit(ImbalanceDrivenTape(7, 40_000), new MicroPriceOptions { Buckets = 5, MaxSpreadTicks = 1 });

        Assert.Null(reason);
        Assert.NotNull(fit);
        Assert.Equal(0.1m, fit.Tick);
        var row = fit.Table.Row(1);
        output.WriteLine($"G(1 tick) = {string.Join(" ", row.Select(g => g.ToString("0.####")))}");
        double[] expected = [-0.4, -0.2, 0.0, 0.2, 0.4];
        for (var k = 0; k < 5; k++)
        {
            Assert.InRange(row[k], expected[k] - 0.06, expected[k] + 0.06);
        }

        Assert.Equal(0.5, fit.MoveShare, 1);
    }

    [Fact]
    public void Symmetrised_fit_is_antisymmetric_in_the_imbalance()
    {
        var (fit, _) = MicroPriceFitter.Fit(ImbalanceDrivenTape(3, 5_000), new MicroPriceOptions { Buckets = 5, MaxSpreadTicks = 1 });
        var row = fit!.Table.Row(1);
        for (var k = 0; k < 5; k++)
        {
            Assert.Equal(-row[4 - k], row[k], 9);
        }
    }

    [Fact]
    public void Too_little_data_says_why()
    {
        var coin = new Coin("ETH");
        var one = MarketEvent.OfBook(new OrderBookSnapshot(coin, 1, [new BookLevel(100m, 1m, 1)], [new BookLevel(100.1m, 1m, 1)]));
        var (fit, reason) = MicroPriceFitter.Fit([one]);
        Assert.Null(fit);
        Assert.Equal("fewer than two two-sided books", reason);
    }

    [Theory]
    [InlineData("ETH")]
    [InlineData("BTC")]
    public void Real_recording_gives_an_adjustment_that_rises_with_the_imbalance(string name)
    {
        // Criterion: on the one-tick row (where 95 %+ of these books sit) G* rises strictly from the lowest
        // imbalance bucket to the highest, is negative below the middle and positive above it: a heavier bid
        // predicts a higher mid, as the paper finds on equities. Measured (docs/MODEL.md): ETH
        // −5.18 −1.65 0 +1.65 +5.18 ticks, BTC −8.81 −2.75 0 +2.75 +8.81.
        var events = MarketDataLoader.Load(HlData, new Coin(name));
        var (fit, reason) = MicroPriceFitter.Fit(events);
        Assert.True(fit is not null, reason);
        var row = fit.Table.Row(1);
        output.WriteLine($"{name}: tick {fit.Tick}, transitions {fit.Transitions} per state {string.Join(" ", fit.TransitionsPerState)}, G(1 tick) = {string.Join(" ", row.Select(g => g.ToString("0.###")))}");
        for (var k = 1; k < row.Count; k++)
        {
            Assert.True(row[k] > row[k - 1], $"{name}: G not rising at bucket {k}: {string.Join(", ", row)}");
        }

        Assert.True(row[0] < 0 && row[^1] > 0);
    }

    [Theory]
    [InlineData("ETH")]
    [InlineData("BTC")]
    public void Each_half_of_the_real_recording_gives_the_same_shape(string name)
    {
        // Criterion: each 17-minute half's one-tick row rises with the imbalance, like the whole's, and its extreme
        // bucket is within a factor of 2 of the whole's (a half holds ~1,800 steps; the extreme buckets ~1,250 each).
        var coin = new Coin(name);
        var events = MarketDataLoader.Load(HlData, coin);
        var middle = (events[0].TimeMs + events[^1].TimeMs) / 2;
        var whole = MicroPriceFitter.Fit(events).Fit!.Table.Row(1);
        foreach (var half in new[] { events.Where(e => e.TimeMs < middle).ToList(), events.Where(e => e.TimeMs >= middle).ToList() })
        {
            var row = MicroPriceFitter.Fit(half).Fit!.Table.Row(1);
            output.WriteLine($"{name} half: {string.Join(" ", row.Select(g => g.ToString("0.###")))} (whole {whole[^1]:0.###})");
            for (var k = 1; k < row.Count; k++)
            {
                Assert.True(row[k] > row[k - 1], $"{name}: G not rising at bucket {k}: {string.Join(", ", row)}");
            }

            Assert.InRange(row[^1], whole[^1] / 2, whole[^1] * 2);
        }
    }
}
