using HyperMM.Core.Model;
using HyperMM.Simulation.Backtest;
using HyperMM.Simulation.Market;
using HyperMM.TestSupport;

namespace HyperMM.Simulation.Tests.Backtest;

/// <summary>
/// Issue 6: in amend mode (keep orders within tolerance, batchModify the rest) the address request budget lasts at
/// least five times longer than in the seed's replace mode (cancel + new order every cycle) on the same replay.
/// </summary>
public sealed class RequoteModeRequestTests
{
    private const string HlData = "data/Avellaneda_Stoikov_Market_Making_parameter_calibration/HL_data";

    public static TheoryData<string> Coins => new() { "ETH", "BTC" };

    [Theory]
    [MemberData(nameof(Coins))]
    public void Amend_UsesAtLeastFiveTimesFewerRequestsThanReplace(string coin)
    {
        var parameters = coin == "ETH" ? TestStrategies.Eth : TestStrategies.Btc;
        var spec = TestStrategies.SpecFor(parameters);
        var events = HlCsvReader.Read(Path.Combine(SharedData.RootPath, HlData), parameters.Coin);

        var amend = BacktestSession.Run(parameters with { RequoteMode = RequoteMode.Amend }, spec, events).Figures;
        var replace = BacktestSession.Run(parameters with { RequoteMode = RequoteMode.Replace }, spec, events).Figures;

        Assert.True(amend.Counters.Requests > 0 && amend.Fills > 0, "amend mode must still quote and trade");
        Assert.True(amend.Counters.Requests * 5 <= replace.Counters.Requests, $"amend {amend.Counters.Requests} vs replace {replace.Counters.Requests} requests");
    }
}
