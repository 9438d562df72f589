using HyperMM.Cli.Reports;

namespace HyperMM.Cli.Tests.Reports;

/// <summary>The report over a realistic three-strategy run: every strategy present, the attribution identity holds.</summary>
public sealed class DemoReportTests : IDisposable
{
    private readonly TestJournal _journal = new();

    public DemoReportTests() => DemoJournal.Write(_journal);

    public void Dispose() => _journal.Dispose();

    /// <summary>Where the test leaves the charts (docs/report-pnl.png is a copy of one).</summary>
    public static string OutputFolder => Path.Combine(Path.GetTempPath(), "hypermm-demo-report");

    [Fact]
    public void ThreeStrategies_EachWithChartsAndTheIdentity()
    {
        ReportData data;
        using (var source = new JournalReportSource(_journal.Path_))
        {
            data = source.Load(null, null, null);
        }

        var reports = ReportWriter.Write(data, OutputFolder);
        Assert.Equal(["mm_btc_perp", "mm_eth_perp", "mm_hype_perp"], reports.Select(r => r.Metrics.Name));
        foreach (var m in reports.Select(r => r.Metrics))
        {
            Assert.True(m.Fills > 10, $"{m.Name}: {m.Fills} fills");
            // Realised + unrealised (average cost, marked at the last mid) equals spread capture + inventory PnL.
            // Decimal division in the average cost leaves at most ~1e-20 of rounding.
            Assert.True(Math.Abs((m.RealizedPnl + m.UnrealizedPnl) - (m.SpreadCapture + m.InventoryPnl)) < 1e-12m, m.Name);
            Assert.True(m.MaxAbsInventory <= data.Strategies.Single(s => s.Name == m.Name).Inventory.Max(s => s.Cap));
            Assert.True(File.Exists(Path.Combine(OutputFolder, $"{m.Name}-pnl.png")));
        }
    }
}
