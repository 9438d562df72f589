using System.Text.Json;
using HyperMM.Cli.Dashboard;
using HyperMM.Journal;
using HyperMM.Cli.Reports;
using HyperMM.Core.Accounting;
using HyperMM.Core.Primitives;
using HyperMM.Core.Strategy;
using HyperMM.Core.Trading;
using Microsoft.Extensions.Time.Testing;

namespace HyperMM.Cli.Tests.Reports;

/// <summary>
/// Issue 11 item 3: a journal with two runs of mm_eth_perp, written through the real journal path (the ledger's
/// entries, fills with their bookings, the final status). Hand-calculated, fees 0:
///   run 1 (T0): mids 2000, 2001, 2002; buy 1 @ 1999.5 at mid 2000 → spread 0.5, inventory 1 × (2002 − 2000) = 2, total 2.5
///   run 2 (T0 + 1 h): mids 2010, 2008; sell 0.5 @ 2010.5 at mid 2010 → spread 0.25, inventory −0.5 × (2008 − 2010) = 1, total 1.25
/// </summary>
public sealed class RunSelectionTests : IDisposable
{
    private const string S = "mm_eth_perp";
    private const long T0 = TestJournal.T0;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"hypermm-runs-{Guid.NewGuid():N}");

    public RunSelectionTests()
    {
        Directory.CreateDirectory(_folder);
        WriteRun(T0, [2000m, 2001m, 2002m], Side.Buy, 1999.5m, 1m, tid: 1);
        WriteRun(T0 + 3_600_000, [2010m, 2008m], Side.Sell, 2010.5m, 0.5m, tid: 2);
    }

    private string Db => Path.Combine(_folder, "hypermm.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private void WriteRun(long start, decimal[] mids, Side side, decimal price, decimal size, long tid)
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(start));
        var writer = JournalWriter.Open(Db, time, "local", "live", [S]);
        writer.RegisterAccount(S, "0xaa");
        var journal = new JournalObserver(writer, time);
        var ledger = new TradeLedger(start);
        journal.OnLedger(S, ledger.OpeningEntry);
        for (var i = 0; i < mids.Length; i++)
        {
            var t = start + ((i + 1) * 1000L);
            journal.OnLedger(S, ledger.Mark(t, mids[i])!);
            if (i == 0)
            {
                var fill = new Fill(new Coin("ETH"), tid, new OrderId(tid), null, side, price, size, 0m, t, false, 0m, 0m, null);
                var booking = new FillBooking(false, 0m, mids[i], false, 0, t);
                var entry = ledger.Apply(booking.LedgerFill(fill));
                journal.OnFill(S, fill, booking with { PositionAfter = entry.Position, Sequence = entry.Sequence });
            }
        }

        var end = start + ((mids.Length + 1) * 1000L);
        journal.OnStatus(new StrategyStatus(S, "ETH", end, StrategyMode.Stopped, null, ledger.Position, 1m, 0m, 0m, ledger.Figures(end), null));
        time.SetUtcNow(DateTimeOffset.FromUnixTimeMilliseconds(end));
        writer.EndRunAsync("test").GetAwaiter().GetResult();
        writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private static async Task<JsonElement> ReportJson(params string[] args)
    {
        var (code, output, error) = await CliInvocation.RunAsync(["report", .. args, "--json"]);
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        return Assert.Single(doc.RootElement.GetProperty("strategies").EnumerateArray()).Clone();
    }

    [Fact]
    public async Task Report_ShowsTheNewestRunByDefault_AndSaysWhich()
    {
        var newest = await ReportJson("--db", Db);
        Assert.Equal(2, newest.GetProperty("run").GetInt64());
        Assert.Equal(1, newest.GetProperty("fills").GetInt64()); // run 1's fill is not mixed in
        Assert.Equal(0.25m, newest.GetProperty("spread_capture").GetDecimal());
        Assert.Equal(1m, newest.GetProperty("inventory_pnl").GetDecimal());
        Assert.Equal(1.25m, newest.GetProperty("total_pnl").GetDecimal());
        Assert.Equal(-0.5m, newest.GetProperty("final_position").GetDecimal());

        var (code, text, _) = await CliInvocation.RunAsync("report", "--db", Db, "--out", Path.Combine(_folder, "r"));
        Assert.Equal(0, code);
        Assert.StartsWith("HyperMM report: hypermm.db: run 2 (local, started 2025-12-01 01:00:00 UTC, ended 2025-12-01 01:00:03 UTC)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_RunN_ShowsThatRunOnly()
    {
        var first = await ReportJson("--db", Db, "--run", "1");
        Assert.Equal(1, first.GetProperty("run").GetInt64());
        Assert.Equal(2.5m, first.GetProperty("total_pnl").GetDecimal());
        Assert.Equal(1m, first.GetProperty("final_position").GetDecimal());

        var (code, _, error) = await CliInvocation.RunAsync("report", "--db", Db, "--run", "3");
        Assert.Equal(2, code);
        Assert.Equal("error: --run: no run 3 in the journal (runs: 1, 2)", error.Trim());
    }

    [Fact]
    public async Task Report_RunAll_KeepsEachRunsLedgerApart_AddsTheTotals_AndBreaksTheCharts()
    {
        var all = await ReportJson("--db", Db, "--run", "all");
        Assert.Equal("all", all.GetProperty("run").GetString());
        Assert.Equal(2, all.GetProperty("fills").GetInt64());
        Assert.Equal(3.75m, all.GetProperty("total_pnl").GetDecimal()); // 2.5 + 1.25
        var runs = all.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(["run 1", "run 2"], runs.Select(r => r.GetProperty("label").GetString()));
        Assert.Equal([2.5m, 1.25m], runs.Select(r => r.GetProperty("total_pnl").GetDecimal()));

        using var source = new JournalReportSource(Db);
        var report = ReportCalculator.Compute(Assert.Single(source.Load(null, null, null, RunSelection.Every).Strategies));
        var run1 = report.Pnl.Where(p => p.Part == 0).ToList();
        var run2 = report.Pnl.Where(p => p.Part == 1).ToList();
        Assert.True(run1.Count > 0 && run2.Count > 0);
        Assert.True(run1.Max(p => p.TimeMs) < run2.Min(p => p.TimeMs)); // two lines, one per run, nothing drawn across the hour between
        Assert.Equal(2.5m, run1[^1].Total);
        Assert.Equal(3.75m, run2[^1].Total); // cumulative across runs
    }

    [Fact]
    public void Dashboard_ShowsTheNewestRun_OrAllRunsWithBreaks()
    {
        using (var newest = new DashboardJournalReader(Db))
        {
            var (label, strategies, _) = newest.Read();
            Assert.StartsWith("run 2 (", label, StringComparison.Ordinal);
            var s = Assert.Single(strategies);
            Assert.Equal((1L, 1.25m), (s.FillCount, s.Pnl));
            Assert.All(s.PnlSeries, p => Assert.True(p.T >= T0 + 3_600_000));
        }

        using var every = new DashboardJournalReader(Db, RunSelection.Every);
        var (allLabel, all, _) = every.Read();
        Assert.StartsWith("all 2 runs", allLabel, StringComparison.Ordinal);
        var both = Assert.Single(all);
        Assert.Equal((2L, 3.75m), (both.FillCount, both.Pnl));
        Assert.Equal([0, 1], both.PnlSeries.Select(p => p.P).Distinct());
    }
}
