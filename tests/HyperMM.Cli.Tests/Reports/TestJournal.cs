using System.Globalization;
using HyperMM.Journal;
using Microsoft.Extensions.Time.Testing;

namespace HyperMM.Cli.Tests.Reports;

/// <summary>Writes journal rows directly (schema from <see cref="JournalWriter"/>), so tests control every value.</summary>
public sealed class TestJournal : IDisposable
{
    public const long T0 = 1_764_547_200_000; // 2025-12-01T00:00:00Z

    public TestJournal()
    {
        Folder = Path.Combine(Path.GetTempPath(), $"hypermm-report-{Guid.NewGuid():N}");
        Path_ = System.IO.Path.Combine(Folder, "hypermm.db");
        var writer = JournalWriter.Open(Path_, new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(T0)), "local", "live", ["mm_eth_perp", "mm_btc_perp"]);
        writer.EndRunAsync("test").GetAwaiter().GetResult();
        writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    public string Folder { get; }

    public string Path_ { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }

    public static string S(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    public static string NoteSql(string strategy, long sec, string level, string message) =>
        $"INSERT INTO notes (run_id, strategy, time_ms, level, message) VALUES (1, '{strategy}', {T0 + (sec * 1000)}, '{level}', '{message}');";

    public void Exec(string sql)
    {
        using var c = JournalWriter.OpenConnection(Path_, readOnly: false);
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public void Fill(string strategy, string coin, long tid, long sec, string side, decimal px, decimal sz, decimal fee, decimal mid, decimal after, bool crossed = false) =>
        Exec(FillSql(strategy, coin, tid, sec, side, px, sz, fee, mid, after, crossed));

    public static string FillSql(string strategy, string coin, long tid, long sec, string side, decimal px, decimal sz, decimal fee, decimal mid, decimal after, bool crossed = false) =>
        $"""
            INSERT INTO fills (run_id, strategy, account, coin, tid, oid, cloid, side, px, sz, fee, time_ms, crossed, closed_pnl, start_position, hash,
                historical, position_after, mid_at_fill, recorded_ms)
            VALUES (1, '{strategy}', '0xaa', '{coin}', {tid}, 7, NULL, '{side}', '{S(px)}', '{S(sz)}', '{S(fee)}', {T0 + (sec * 1000)}, {(crossed ? 1 : 0)},
                '0', '0', NULL, 0, '{S(after)}', '{S(mid)}', {T0 + (sec * 1000)})
            """ + ";";

    public void Quote(string strategy, long sec, decimal mid, decimal bid, decimal ask, double spreadBps, int stage, int requests = 2) =>
        Exec(QuoteSql(strategy, sec, mid, bid, ask, spreadBps, stage, requests));

    public static string QuoteSql(string strategy, long sec, decimal mid, decimal bid, decimal ask, double spreadBps, int stage, int requests = 2) =>
        $"""
            INSERT INTO quotes (run_id, strategy, time_ms, mid, sigma2_h, q, reservation_bps, raw_spread_bps, spread_bps, stage, bid_px, bid_sz, ask_px, ask_sz, kept, requests)
            VALUES (1, '{strategy}', {T0 + (sec * 1000)}, '{S(mid)}', 1.0, 0.0, 0.0, {spreadBps.ToString(CultureInfo.InvariantCulture)}, {spreadBps.ToString(CultureInfo.InvariantCulture)},
                {stage}, '{S(bid)}', '1', '{S(ask)}', '1', 0, {requests})
            """ + ";";

    public void Snapshot(string strategy, string coin, long sec, decimal position, decimal cap, long requests, string mode = "Quoting", long run = 1, string? error = null, decimal mid = 0m, long fills = 0, decimal volume = 0m, decimal realized = 0m, decimal unrealized = 0m, decimal fees = 0m) =>
        Exec(SnapshotSql(strategy, coin, sec, position, cap, requests, mode, run, error, mid, fills, volume, realized, unrealized, fees));

    public static string SnapshotSql(string strategy, string coin, long sec, decimal position, decimal cap, long requests, string mode = "Quoting", long run = 1, string? error = null, decimal mid = 0m, long fills = 0, decimal volume = 0m, decimal realized = 0m, decimal unrealized = 0m, decimal fees = 0m) =>
        $"""
            INSERT INTO snapshots (run_id, strategy, coin, time_ms, mode, mid, position, max_abs_position, resting_bid, resting_ask, fills, volume,
                realized_pnl, unrealized_pnl, fees, requests, last_error)
            VALUES ({run}, '{strategy}', '{coin}', {T0 + (sec * 1000)}, '{mode}', '{S(mid)}', '{S(position)}', '{S(cap)}', '0', '0', {fills}, '{S(volume)}', '{S(realized)}', '{S(unrealized)}', '{S(fees)}', {requests},
                {(error is null ? "NULL" : "'" + error + "'")})
            """ + ";";

    public void Order(string strategy, long sec, string action, string result, string? reason = null) =>
        Exec(OrderSql(strategy, sec, action, result, reason));

    public static string OrderSql(string strategy, long sec, string action, string result, string? reason = null) =>
        $"""
            INSERT INTO orders (run_id, strategy, time_ms, action, result, reason)
            VALUES (1, '{strategy}', {T0 + (sec * 1000)}, '{action}', '{result}', {(reason is null ? "NULL" : "'" + reason + "'")})
            """ + ";";
}
