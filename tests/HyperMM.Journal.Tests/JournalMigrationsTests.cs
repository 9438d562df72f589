using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace HyperMM.Journal.Tests;

/// <summary>
/// A journal written with schema version 1 (before runs knew their ledgers) is migrated when opened, still reads back
/// its run, and takes new runs; one from a newer hypermm is refused. The version-1 file is built here, row by row,
/// with <see cref="JournalSchema.Create"/> (the frozen version-1 schema) and hand-written INSERTs.
/// </summary>
public sealed class JournalMigrationsTests : IDisposable
{
    private const long T0 = 1_764_547_200_000; // 2025-12-01T00:00:00Z
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"hypermm-v1-{Guid.NewGuid():N}");

    private string Db => Path.Combine(_folder, "hypermm.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>One version-1 run: quotes at mids 2000 (t0) and 2004 (t0 + 30 s), a buy of 1 @ 1999 at mid 2000 (t0 + 10 s), fee 0.2, a snapshot at t0 + 60 s with 9 requests.</summary>
    private void WriteVersion1Journal()
    {
        Directory.CreateDirectory(_folder);
        Exec(JournalSchema.Create + $"""

            INSERT INTO meta (key, value) VALUES ('schema_version', '1');
            INSERT INTO runs (started_ms, ended_ms, network, mode, strategies, end_reason) VALUES ({T0}, {T0 + 60_000}, 'local', 'live', 'mm_eth_perp', 'duration');
            INSERT INTO quotes (run_id, strategy, time_ms, mid, sigma2_h, q, reservation_bps, raw_spread_bps, spread_bps, stage, bid_px, bid_sz, ask_px, ask_sz, kept, requests)
                VALUES (1, 'mm_eth_perp', {T0}, '2000', 1.0, 0.0, 0.0, 10, 10, 0, '1999', '1', '2001', '1', 0, 2);
            INSERT INTO fills (run_id, strategy, account, coin, tid, oid, cloid, side, px, sz, fee, time_ms, crossed, closed_pnl, start_position, hash,
                historical, position_after, mid_at_fill, recorded_ms)
                VALUES (1, 'mm_eth_perp', '0xaa', 'ETH', 1, 7, NULL, 'B', '1999', '1', '0.2', {T0 + 10_000}, 0, '0', '0', NULL, 0, '1', '2000', {T0 + 10_000});
            INSERT INTO quotes (run_id, strategy, time_ms, mid, sigma2_h, q, reservation_bps, raw_spread_bps, spread_bps, stage, bid_px, bid_sz, ask_px, ask_sz, kept, requests)
                VALUES (1, 'mm_eth_perp', {T0 + 30_000}, '2004', 1.0, 0.0, 0.0, 10, 10, 0, '2003', '1', '2005', '1', 0, 2);
            INSERT INTO snapshots (run_id, strategy, coin, time_ms, mode, mid, position, max_abs_position, resting_bid, resting_ask, fills, volume,
                realized_pnl, unrealized_pnl, fees, requests, last_error)
                VALUES (1, 'mm_eth_perp', 'ETH', {T0 + 60_000}, 'Quoting', '0', '1', '2', '0', '0', 0, '0', '0', '0', '0', 9, NULL);
            """);
    }

    private void Exec(string sql)
    {
        using var c = new SqliteConnection($"Data Source={Db};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private string Version()
    {
        using var c = new SqliteConnection($"Data Source={Db};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT value FROM meta WHERE key = 'schema_version'";
        return (string)cmd.ExecuteScalar()!;
    }

    [Fact]
    public async Task Version1Journal_IsMigratedOnOpen_ReadsBackItsRun_AndTakesANewRun()
    {
        WriteVersion1Journal();
        Assert.Equal("1", Version());

        Core.Accounting.LedgerFigures f;
        using (var reader = new JournalReader(Db))
        {
            var run = Assert.Single(reader.Runs());
            Assert.Equal(["mm_eth_perp"], reader.Strategies(run.RunId));
            Assert.Equal("ETH", reader.CoinOf("mm_eth_perp"));
            f = reader.Window(run, "mm_eth_perp").Figures();
        }

        Assert.Equal(JournalSchema.Version.ToString(CultureInfo.InvariantCulture), Version());

        // spread (2000 − 1999) × 1 = 1; inventory 1 × (2004 − 2000) = 4; fees 0.2 → total 4.8; window t0..t60 (the snapshot)
        Assert.Equal((1, 1m, 4m, 0.2m, 4.8m), (f.Fills, f.SpreadCapture, f.InventoryPnl, f.Fees, f.TotalPnl));
        Assert.Equal(60_000, f.WindowMs);
        Assert.Equal(9, f.Counters.Requests);

        await using (var writer = JournalWriter.Open(Db, new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(T0 + 120_000)), "local", "live", ["mm_eth_perp"], "0123456789abcdef"))
        {
            Assert.Equal(2, writer.RunId);
            await writer.EndRunAsync("test");
        }

        using var after = new JournalReader(Db);
        Assert.Equal([null, "0123456789abcdef"], after.Runs().Select(r => r.ConfigHash));
    }

    [Fact]
    public void Version1Journal_IsMigratedByTheWriterToo_EveryVersion2ColumnExists()
    {
        WriteVersion1Journal();
        using (var connection = JournalWriter.OpenConnection(Db, readOnly: false))
        {
            Assert.Equal(1, JournalMigrations.Migrate(connection)); // returns the version it started from
            Assert.Equal(JournalSchema.Version, JournalMigrations.VersionOf(connection));
        }

        // the version-2 columns the writer binds: a full version-2 row goes in
        Exec("""
            INSERT INTO ledger (run_id, strategy, seq, time_ms, kind, mid, position) VALUES (1, 'mm_eth_perp', 1, 0, 'Open', '0', '0');
            UPDATE fills SET ledger_seq = 2, ledger_ms = 5, mid_stale = 1;
            UPDATE snapshots SET requotes = 3, orders_placed = 4, fill_pressure_ms = 5, invalid_books = 6;
            UPDATE runs SET config_hash = 'abc';
            """);
        using var reader = new JournalReader(Db);
        var fill = Assert.Single(reader.Fills());
        Assert.Equal((2L, 5L, true), (fill.LedgerSequence!.Value, fill.LedgerTimeMs, fill.MidStale));
    }

    [Fact]
    public void NewerJournal_IsRefused_NamingBothVersions()
    {
        WriteVersion1Journal();
        Exec($"UPDATE meta SET value = '{JournalSchema.Version + 1}' WHERE key = 'schema_version'");

        var error = Assert.Throws<JournalException>(() => new JournalReader(Db));
        Assert.Contains($"schema version {JournalSchema.Version + 1}, newer than this hypermm understands (up to {JournalSchema.Version})", error.Message, StringComparison.Ordinal);
    }
}
