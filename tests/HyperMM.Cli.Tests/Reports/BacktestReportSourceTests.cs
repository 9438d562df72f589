using HyperMM.Cli.Reports;
using HyperMM.Simulation.Backtest;
using HyperMM.Simulation.Market;
using HyperMM.TestSupport;

namespace HyperMM.Cli.Tests.Reports;

public sealed class BacktestReportSourceTests
{
    private const string HlData = "data/Avellaneda_Stoikov_Market_Making_parameter_calibration/HL_data";

    /// <summary>
    /// Two independent computations of the same run must agree: the backtester's own summary (kept by the matching
    /// engine's ledger) and the report's metrics (recomputed from the fill list).
    /// </summary>
    [Fact]
    public void Build_RealEthReplay_ReportAgreesWithTheBacktestSummary()
    {
        var eth = TestStrategies.Eth;
        var events = HlCsvReader.Read(Path.Combine(SharedData.RootPath, HlData), eth.Coin);
        var result = BacktestSession.Run(eth, TestStrategies.SpecFor(eth), events);

        var data = BacktestReportSource.Build(HlData, [(result, eth.MaxAbsPosition)]);
        var metrics = ReportCalculator.Compute(Assert.Single(data.Strategies)).Metrics;

        Assert.True(result.Summary.Fills > 0);
        Assert.Equal(result.Summary.Fills, metrics.Fills);
        Assert.Equal(result.Summary.Fills - result.Summary.MakerFills, metrics.TakerFills);
        Assert.Equal(result.Summary.Volume, metrics.Volume);
        Assert.Equal(result.Summary.Fees, metrics.Fees);
        Assert.Equal(result.Summary.FinalPosition, metrics.FinalPosition);
        Assert.Equal(result.Summary.RealizedPnl, metrics.RealizedPnl);
        Assert.Equal(result.Summary.RequestsSent, metrics.RequestsUsed);
    }

    [Fact]
    public void Rejections_ParsesTheSummaryList() =>
        Assert.Equal([new RejectionCount("PostOnlyWouldCross", 12), new RejectionCount("OrderNotFound", 3)], BacktestReportSource.Rejections("PostOnlyWouldCross 12, OrderNotFound 3"));
}
