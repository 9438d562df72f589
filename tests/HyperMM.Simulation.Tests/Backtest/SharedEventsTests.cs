using HyperMM.Simulation.Backtest;
using HyperMM.Simulation.Market;
using HyperMM.TestSupport;

namespace HyperMM.Simulation.Tests.Backtest;

/// <summary>
/// Sweeps run many backtests over one event list, which BacktestSession no longer copies when it holds only the
/// strategy's coin and has no gap. The copying path (the implementation before, still taken for mixed lists) must
/// give the same figures as the shared one.
/// </summary>
public class SharedEventsTests
{
    private const string HlData = "data/Avellaneda_Stoikov_Market_Making_parameter_calibration/HL_data";

    [Fact]
    public void A_list_shared_without_copying_gives_the_figures_of_a_copied_mixed_list()
    {
        var root = Path.Combine(SharedData.RootPath, HlData);
        var all = HlCsvReader.Read(root, TestStrategies.Eth.Coin);
        var eth = all.Where(e => e.TimeMs < all[0].TimeMs + 300_000).ToList();
        var btc = HlCsvReader.Read(root, TestStrategies.Btc.Coin).Where(e => e.TimeMs <= eth[^1].TimeMs).ToList();
        var mixed = eth.Concat(btc).OrderBy(e => e.TimeMs).ToList(); // stable: equal times keep ETH first

        var shared = BacktestSession.Run(TestStrategies.Eth, TestStrategies.EthSpec, eth);
        var copied = BacktestSession.Run(TestStrategies.Eth, TestStrategies.EthSpec, mixed);

        Assert.True(shared.Figures.Fills > 0, "five minutes of the real recording should give fills");
        Assert.Equal(copied.Figures, shared.Figures);
        Assert.Equal(copied.MarketEvents, shared.MarketEvents);
    }

    [Fact]
    public void Split_without_a_gap_returns_the_list_itself_and_with_a_gap_the_pieces()
    {
        var events = HlCsvReader.Read(Path.Combine(SharedData.RootPath, HlData), TestStrategies.Eth.Coin);

        Assert.Same(events, Assert.Single(BacktestSession.Split(events, TimeSpan.FromMinutes(5))));
        // Events of the recording are often more than 2 s apart: split there, the pieces add up to the list, in order.
        var pieces = BacktestSession.Split(events, TimeSpan.FromSeconds(2));
        Assert.True(pieces.Count >= 2);
        Assert.Equal(events.Count, pieces.Sum(p => p.Count));
        Assert.Equal(events, pieces.SelectMany(p => p));
    }
}
