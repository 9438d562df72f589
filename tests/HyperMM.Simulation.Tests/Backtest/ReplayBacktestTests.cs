using HyperMM.Core.Instruments;
using HyperMM.Core.Model;
using HyperMM.Simulation.Backtest;
using HyperMM.Simulation.Market;
using HyperMM.TestSupport;

namespace HyperMM.Simulation.Tests.Backtest;

public sealed class ReplayBacktestTests
{
    private const string HlData = "data/Avellaneda_Stoikov_Market_Making_parameter_calibration/HL_data";

    public static TheoryData<string> Coins => new() { "ETH", "BTC" };

    [Theory]
    [MemberData(nameof(Coins))]
    public void Real_recording_replays_deterministically_within_tick_lot_and_cap(string coin)
    {
        var parameters = coin == "ETH" ? TestStrategies.Eth : TestStrategies.Btc;
        var spec = TestStrategies.SpecFor(parameters);
        var events = HlCsvReader.Read(Path.Combine(SharedData.RootPath, HlData), parameters.Coin);

        var first = BacktestSession.Run(parameters, spec, events);
        var second = BacktestSession.Run(parameters, spec, events);

        Assert.True(first.Figures.Fills > 0, "the strategy should trade in 35 minutes of real data");
        Assert.Equal(first.Figures, second.Figures);
        Assert.Equal(first.Fills, second.Fills);
        Assert.Equal(first.Quotes, second.Quotes);
        Assert.Equal(0, first.ClientBugRejections);
        Assert.All(first.Fills, f => Assert.True(spec.IsValidPrice(f.Price) && spec.IsValidSize(f.Size)));
        Assert.All(first.Quotes.Where(q => q.Bid > 0m), q => Assert.True(spec.IsValidPrice(q.Bid)));
        Assert.All(first.Quotes.Where(q => q.Ask > 0m), q => Assert.True(spec.IsValidPrice(q.Ask)));
        Assert.All(first.Inventory, p => Assert.True(Math.Abs(p.Position) <= parameters.MaxAbsPosition, $"position {p.Position} beyond the cap"));
    }

    [Fact]
    public void Runs_side_by_side_on_a_busy_machine_give_identical_results()
    {
        var parameters = TestStrategies.Eth;
        var spec = TestStrategies.SpecFor(parameters);
        var events = HlCsvReader.Read(Path.Combine(SharedData.RootPath, HlData), parameters.Coin);
        var results = new BacktestResult[4];

        Parallel.For(0, results.Length, i => results[i] = BacktestSession.Run(parameters, spec, events));

        Assert.All(results, r => Assert.Equal(results[0].Figures, r.Figures));
        Assert.All(results, r => Assert.Equal(results[0].Quotes, r.Quotes));
    }
}
