using HyperMM.Cli.Journal;
using HyperMM.Cli.Reports;
using HyperMM.Cli.Tests.Reports;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace HyperMM.Cli.Tests.Journal;

/// <summary>A journal written with schema version 1 (before runs knew their ledgers) still opens, reports and takes new runs.</summary>
public sealed class JournalMigrationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"hypermm-v1-{Guid.NewGuid():N}");

    private string Db => Path.Combine(_folder, "hypermm.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The version 1 schema exactly as it was created, with one run: quotes at mids 2000 and 2004, a buy of 1 @ 1999 at mid 2000.</summary>
    private void WriteVersion1Journal()
    {
        Directory.CreateDirectory(_folder);
        using var c = JournalWriter.OpenConnection(Db, readOnly: false);
        using var cmd = c.CreateCommand();
        cmd.CommandText = JournalSchema.Create + "\nINSERT INTO meta (key, value) VALUES ('schema_version', '1');\n"
            + $"INSERT INTO runs (started_ms, ended_ms, network, mode, strategies, end_reason) VALUES ({TestJournal.T0}, {TestJournal.T0 + 60_000}, 'local', 'live', 'mm_eth_perp', 'duration');\n"
            + TestJournal.QuoteSql("mm_eth_perp", 0, 2000m, 1999m, 2001m, 10, 0) + "\n"
            + TestJournal.FillSql("mm_eth_perp", "ETH", 1, 10, "B", 1999m, 1m, 0.2m, 2000m, 1m) + "\n"
            + TestJournal.QuoteSql("mm_eth_perp", 30, 2004m, 2003m, 2005m, 10, 0) + "\n"
            + TestJournal.SnapshotSql("mm_eth_perp", "ETH", 60, 1m, 2m, 9);
        cmd.ExecuteNonQuery();
    }

    private static string Version(string db)
    {
        using var c = JournalWriter.OpenConnection(db, readOnly: true);
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT value FROM meta WHERE key = 'schema_version'";
        return (string)cmd.ExecuteScalar()!;
    }

    [Fact]
    public async Task Version1Journal_IsMigrated_ReportsItsRun_AndTakesANewRun()
    {
        WriteVersion1Journal();
        Assert.Equal("1", Version(Db));

        ReportData data;
        using (var source = new JournalReportSource(Db))
        {
            data = source.Load(null, null, null);
        }

        Assert.Equal(JournalSchema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), Version(Db));
        var f = ReportCalculator.Compute(Assert.Single(data.Strategies)).Figures.Figures;
        // spread (2000 − 1999) × 1 = 1; inventory 1 × (2004 − 2000) = 4; fees 0.2 → total 4.8; window t0..t60 (snapshot)
        Assert.Equal((1, 1m, 4m, 0.2m, 4.8m), (f.Fills, f.SpreadCapture, f.InventoryPnl, f.Fees, f.TotalPnl));
        Assert.Equal(60_000, f.WindowMs);
        Assert.Equal(9, f.Counters.Requests);

        await using (var writer = JournalWriter.Open(Db, new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(TestJournal.T0 + 120_000)), "local", "live", ["mm_eth_perp"], "0123456789abcdef"))
        {
            Assert.Equal(2, writer.RunId);
            await writer.EndRunAsync("test");
        }

        using var c = JournalWriter.OpenConnection(Db, readOnly: true);
        var runs = JournalLedger.Runs(c);
        Assert.Equal([null, "0123456789abcdef"], runs.Select(r => r.ConfigHash));
    }
}
