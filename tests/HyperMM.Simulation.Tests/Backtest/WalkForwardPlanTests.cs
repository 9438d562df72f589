using HyperMM.Core.Market;
using HyperMM.Core.Primitives;
using HyperMM.Simulation.Backtest;
using HyperMM.Simulation.Market;

namespace HyperMM.Simulation.Tests.Backtest;

public class WalkForwardPlanTests
{
    private static readonly Coin Eth = new("ETH");

    /// <summary>One book per second at whole seconds from <paramref name="fromS"/> to <paramref name="toS"/> (inclusive).</summary>
    private static IEnumerable<MarketEvent> Books(int fromS, int toS) =>
        Enumerable.Range(fromS, toS - fromS + 1).Select(s => MarketEvent.OfBook(new OrderBookSnapshot(Eth, s * 1000L, [new BookLevel(100m, 1m, 1)], [new BookLevel(101m, 1m, 1)])));

    [Fact]
    public void Thirty_minutes_with_train_10_test_5_give_three_folds_back_to_back()
    {
        var events = Books(0, 1799).ToList(); // 0 s .. 29:59

        var folds = WalkForwardPlan.Folds(events, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(60));

        // Train starts 0, 5, 10 min: tests end at 15, 20, 25 min. A fourth (train 15-25, test 25-30 min) would end at
        // 1,800 s, after the last event (1,799 s): no partial test window.
        Assert.Equal([1, 2, 3], folds.Select(f => f.Number));
        Assert.Equal([0L, 300_000L, 600_000L], folds.Select(f => f.TrainStartMs));
        Assert.All(folds, f =>
        {
            Assert.Equal(f.TrainStartMs + 600_000, f.TestStartMs);
            Assert.Equal(f.TestStartMs + 300_000, f.TestEndMs);
            Assert.Equal(600, f.Train.Count); // one event per second, half-open windows
            Assert.Equal(300, f.Test.Count);
            Assert.True(f.Train[^1].TimeMs < f.Test[0].TimeMs);
        });
        Assert.Equal(folds[0].TestEndMs, folds[1].TestStartMs); // step = test: test windows tile without overlap
    }

    [Fact]
    public void No_fold_spans_a_gap_and_each_stretch_is_cut_on_its_own()
    {
        // 0..19:59, then nothing for 5 minutes, then 25:00..44:59.
        var events = Books(0, 1199).Concat(Books(1500, 2699)).ToList();

        var folds = WalkForwardPlan.Folds(events, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(60));

        // Per 20-minute stretch: tests 5-10 and 10-15 min; 15-20 would end at its last event + 1 s.
        Assert.Equal([0L, 300_000L, 1_500_000L, 1_800_000L], folds.Select(f => f.TrainStartMs));
        Assert.Equal([1, 2, 3, 4], folds.Select(f => f.Number));
        Assert.DoesNotContain(folds, f => f.TrainStartMs < 1_200_000 && f.TestEndMs > 1_200_000);
        // Without splitting at gaps the gap is inside the data and a fold runs across it (train 15-20, test 20-25 min).
        var unsplit = WalkForwardPlan.Folds(events, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5), null);
        Assert.Contains(unsplit, f => f.TrainStartMs < 1_200_000 && f.TestEndMs > 1_200_000);
    }

    [Fact]
    public void Data_shorter_than_train_plus_test_gives_no_fold_and_the_longest_stretch_says_why()
    {
        var events = Books(0, 1199).Concat(Books(1500, 2000)).ToList();

        Assert.Empty(WalkForwardPlan.Folds(events, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(60)));
        Assert.Equal(1_199_000, WalkForwardPlan.LongestStretchMs(events, TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public void A_step_longer_than_test_leaves_data_between_test_windows_unused()
    {
        var events = Books(0, 3599).ToList();

        var folds = WalkForwardPlan.Folds(events, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(20), null);

        Assert.Equal([(600_000L, 900_000L), (1_800_000L, 2_100_000L), (3_000_000L, 3_300_000L)], folds.Select(f => (f.TestStartMs, f.TestEndMs)));
    }
}
