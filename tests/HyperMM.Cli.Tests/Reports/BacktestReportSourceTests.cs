using HyperMM.Cli.Reports;
using HyperMM.Simulation.Backtest;
using HyperMM.Simulation.Market;
using HyperMM.TestSupport;

namespace HyperMM.Cli.Tests.Reports;

public sealed class BacktestReportSourceTests
{
    private const string HlData = "data/Avellaneda_Stoikov_Market_Making_parameter_calibration/HL_data";

    /// <summary>
    /// The backtest's figures (the live strategy's ledger, as of its final status) and the report's (the same ledger
    /// replayed from the segment's entries) must be the same record, field for field.
    /// </summary>
    [Fact]
    public void Build_RealEthReplay_ReportFiguresEqualTheBacktestFigures()
    {
        var eth = TestStrategies.Eth;
        var events = HlCsvReader.Read(Path.Combine(SharedData.RootPath, HlData), eth.Coin);
        var result = BacktestSession.Run(eth, TestStrategies.SpecFor(eth), events);

        var data = BacktestReportSource.Build(HlData, [(result, eth.MaxAbsPosition)]);
        var figures = ReportCalculator.Compute(Assert.Single(data.Strategies)).Figures.Figures;

        Assert.True(result.Figures.Fills > 0);
        Assert.Equal(result.Figures, figures);
        Assert.Equal(result.Fills.Count, figures.Fills);
        Assert.Equal(result.Fills.Sum(f => f.Price * f.Size), figures.VolumeUsd);
    }
}
