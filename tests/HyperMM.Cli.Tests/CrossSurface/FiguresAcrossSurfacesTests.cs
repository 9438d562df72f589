using System.Globalization;
using System.Text.Json;
using HyperMM.Cli.Dashboard;
using HyperMM.Journal;
using HyperMM.Cli.Output;
using HyperMM.Cli.Reports;
using HyperMM.Core.Accounting;
using HyperMM.Core.Strategy;
using HyperMM.Simulation.Backtest;
using HyperMM.Simulation.Market;
using HyperMM.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace HyperMM.Cli.Tests.CrossSurface;

/// <summary>
/// Issue 11 item 1: ONE fill stream — mm_eth_perp on the first 12 minutes of the real ETH recording — goes through
/// every surface at once: the strategy's own status (what the live table and the run's final summary print), the
/// backtest's figures, text, CSV and JSON, the backtest report's summary.json, and, journaled as it happened, the
/// journal's report (--json and summary.json) and the dashboard's state. Every one must show the same figures.
/// </summary>
public sealed class FiguresAcrossSurfacesTests : IDisposable
{
    private const string HlData = "data/Avellaneda_Stoikov_Market_Making_parameter_calibration/HL_data";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"hypermm-surfaces-{Guid.NewGuid():N}");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task OneFillStream_ShowsTheSameFiguresOnEverySurface()
    {
        Directory.CreateDirectory(_folder);
        var eth = TestStrategies.Eth;
        var all = HlCsvReader.Read(Path.Combine(SharedData.RootPath, HlData), eth.Coin);
        var events = all.Where(e => e.TimeMs < all[0].TimeMs + 720_000).ToList();
        var db = Path.Combine(_folder, "hypermm.db");
        var status = new RecordingObserver();
        BacktestResult result;
        await using (var writer = JournalWriter.Open(db, new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(events[0].TimeMs)), "backtest", "live", [eth.Name], ConfigHash.Of([eth])))
        {
            writer.RegisterAccount(eth.Name, BacktestSession.SimulatedAccount.Hex);
            var observer = new CompositeStrategyObserver(new JournalObserver(writer, TimeProvider.System), status);
            result = BacktestSession.Run(eth, TestStrategies.EthSpec, events, new BacktestOptions { Observer = observer });
            await writer.EndRunAsync("test");
        }

        var expected = result.Figures;
        Assert.True(expected.Fills >= 10, $"only {expected.Fills} fills: the comparison would say little");
        Assert.True(expected.SpreadCapture != 0m && expected.InventoryPnl != 0m && expected.Fees != 0m);

        // 1. The strategy's final status: the run's final summary and the live table print its figures.
        var final = status.Statuses.Last();
        Assert.Equal(StrategyMode.Stopped, final.Mode);
        Assert.Equal(expected, final.Figures);
        Assert.Contains(
            $"fills {expected.Fills} pnl {D(expected.TotalPnl)} (spread {D(expected.SpreadCapture)} inventory {D(expected.InventoryPnl)} fees {D(expected.Fees)})",
            LiveView.Line(eth.Name, final, null), StringComparison.Ordinal);

        // 2. Backtest text, CSV and JSON.
        var text = BacktestFormatter.Report("data", [result]);
        Assert.Matches($@"total PnL\s+{D(expected.TotalPnl).Replace(".", "\\.", StringComparison.Ordinal)}\n", text);
        var csvPath = Path.Combine(_folder, "out.csv");
        BacktestFormatter.WriteCsv(csvPath, [(string.Empty, result)]);
        var csv = File.ReadAllLines(csvPath);
        var row = csv[0].Split(',').Zip(csv[1].Split(',')).ToDictionary(p => p.First, p => p.Second);
        Assert.Equal(expected.TotalPnl, decimal.Parse(row["total_pnl"], CultureInfo.InvariantCulture), 6);
        Assert.Equal(expected.SpreadCapture, decimal.Parse(row["spread_capture"], CultureInfo.InvariantCulture), 6);
        Assert.Equal(expected.Fills.ToString(CultureInfo.InvariantCulture), row["fills"]);
        var backtestJson = Figures(BacktestFormatter.Json("data", [result]));
        Assert.Equal(expected.TotalPnl, backtestJson["total_pnl"].GetDecimal());
        Assert.Equal(expected.InventoryPnl, backtestJson["inventory_pnl"].GetDecimal());
        Assert.Equal(expected.Markout(10)!.Bps, backtestJson["markout_10s_bps"].GetDecimal());

        // 3. The backtest's report (--report DIR): summary.json holds the same figures.
        var backtestReport = Path.Combine(_folder, "backtest-report");
        ReportWriter.Write(BacktestReportSource.Build("data", [(result, eth.MaxAbsPosition)]), backtestReport);
        AssertSameFigures(backtestJson, Figures(File.ReadAllText(Path.Combine(backtestReport, ReportWriter.JsonFileName))));

        // 4. The journal's report: the ledger replayed from the journal equals the strategy's own, field for field.
        ReportData data;
        using (var source = new JournalReportSource(db))
        {
            data = source.Load(null, null, null);
        }

        var report = ReportCalculator.Compute(Assert.Single(data.Strategies));
        Assert.Equal(expected, report.Figures.Figures);
        var reportJson = Figures(ReportWriter.Json(data, [report]));
        AssertSameFigures(backtestJson, reportJson);
        var journalReport = Path.Combine(_folder, "journal-report");
        ReportWriter.Write(data, journalReport);
        AssertSameFigures(reportJson, Figures(File.ReadAllText(Path.Combine(journalReport, ReportWriter.JsonFileName))));

        // 5. The dashboard's state for the same journal.
        using var dashboard = new DashboardJournalReader(db);
        var (run, strategies, _) = dashboard.Read();
        Assert.StartsWith("run 1 (backtest", run, StringComparison.Ordinal);
        var s = Assert.Single(strategies);
        Assert.Equal(
            (expected.Fills, expected.VolumeUsd, expected.SpreadCapture, expected.InventoryPnl, expected.Fees, expected.TotalPnl, expected.Markout(10)!.Bps, expected.Counters.Requests),
            (s.FillCount, s.Volume, s.SpreadCapture, s.InventoryPnl, s.Fees, s.Pnl, s.Markout10sBps, s.Requests));
        Assert.Equal(expected.TotalPnl, s.PnlSeries[^1].V);
    }

    private static string D(decimal d) => FigureRows.D(d, 4);

    /// <summary>The figure fields of the single strategy in a figures document (what identifies it left out).</summary>
    private static Dictionary<string, JsonElement> Figures(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var strategy = Assert.Single(doc.RootElement.GetProperty("strategies").EnumerateArray());
        return strategy.EnumerateObject()
            .Where(p => p.Name is not ("strategy" or "coin" or "run" or "start_ms" or "end_ms" or "segments" or "runs"))
            .ToDictionary(p => p.Name, p => p.Value.Clone());
    }

    private static void AssertSameFigures(Dictionary<string, JsonElement> expected, Dictionary<string, JsonElement> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, value) in expected)
        {
            Assert.True(value.GetRawText() == actual[name].GetRawText(), $"{name}: {value.GetRawText()} vs {actual[name].GetRawText()}");
        }
    }
}
