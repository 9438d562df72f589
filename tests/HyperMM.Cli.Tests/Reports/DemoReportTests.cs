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
        Assert.Equal(["mm_btc_perp", "mm_eth_perp", "mm_hype_perp"], reports.Select(r => r.Data.Name));
        foreach (var r in reports)
        {
            var m = r.Figures.Figures;
            Assert.True(m.Fills > 10, $"{r.Data.Name}: {m.Fills} fills");
            // Realised + unrealised (average cost, marked at the last mid) equals spread capture + inventory PnL, exactly.
            Assert.Equal(m.RealizedPnl + m.UnrealizedPnl, m.SpreadCapture + m.InventoryPnl);
            Assert.True(m.MaxAbsPosition <= data.Strategies.Single(s => s.Name == r.Data.Name).Inventory.Max(s => s.Cap));
            Assert.True(File.Exists(Path.Combine(OutputFolder, $"{r.Data.Name}-pnl.png")));
        }
    }
}
