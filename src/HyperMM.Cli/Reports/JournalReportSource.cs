using System.Globalization;
using HyperMM.Cli.Journal;
using Microsoft.Data.Sqlite;

namespace HyperMM.Cli.Reports;

/// <summary>
/// Fills <see cref="ReportData"/> from a journal (read-only connection; works on a running journal too).
/// Quote samples come from the quotes table (mode FillPressure when the pressure stage is above zero), inventory
/// from the periodic snapshots plus the position after every fill, the cap from the nearest snapshot.
/// </summary>
public sealed class JournalReportSource : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly string _path;

    public JournalReportSource(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"no journal at {path}", path);
        }

        _path = path;
        _connection = JournalWriter.OpenConnection(path, readOnly: true);
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>The newest run id in the journal, or null when it holds none.</summary>
    public long? LatestRunId()
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT MAX(run_id) FROM runs";
        return cmd.ExecuteScalar() is long l ? l : null;
    }

    public ReportData Load(string? strategy, long? fromMs, long? toMs)
    {
        using var reader = new JournalReader(_path);
        var names = reader.Strategies().Where(s => strategy is null || s == strategy).ToList();
        var strategies = new List<StrategyReportData>(names.Count);
        foreach (var name in names)
        {
            var fills = reader.Fills(name, fromMs, toMs)
                .Select(j => new ReportFill(j.Fill.TimeMs, j.Fill.Side, j.Fill.Price, j.Fill.Size, j.Fill.Fee, j.Fill.Crossed, j.MidAtFill, j.PositionAfter))
                .ToList();
            var quotes = Quotes(name, fromMs, toMs);
            var snapshots = Snapshots(name);
            var inWindow = snapshots.Where(s => In(s.TimeMs, fromMs, toMs)).ToList();
            var inventory = Inventory(fills, inWindow, snapshots);
            var times = fills.Select(f => f.TimeMs).Concat(quotes.Select(q => q.TimeMs)).Concat(inWindow.Select(s => s.TimeMs)).ToList();
            var from = fromMs ?? (times.Count == 0 ? 0 : times.Min());
            var to = toMs ?? (times.Count == 0 ? from : times.Max());
            var coin = fills.Count > 0 ? CoinOf(name) : snapshots.Count > 0 ? snapshots[^1].Coin : CoinOf(name);
            var (placed, rejections) = Orders(name, fromMs, toMs);
            strategies.Add(new StrategyReportData(name, coin, from, to, fills, quotes, inventory, rejections, placed, RequestsUsed(name, snapshots, fromMs, toMs)));
        }

        var run = LatestRunId();
        return new ReportData($"HyperMM report: {Path.GetFileName(_path)}", run is null ? "empty" : $"run-{run}", strategies);
    }

    private static bool In(long t, long? fromMs, long? toMs) => (fromMs is null || t >= fromMs) && (toMs is null || t <= toMs);

    private static decimal Dec(SqliteDataReader r, int i) => decimal.Parse(r.GetString(i), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Requests used in the window: per run, the snapshot counter's growth (it is cumulative per run);
    /// without snapshots, the sum of each quote decision's request cost.</summary>
    private long RequestsUsed(string strategy, List<Snapshot> snapshots, long? fromMs, long? toMs)
    {
        if (snapshots.Count == 0)
        {
            using var cmd = Command("SELECT COALESCE(SUM(requests), 0) FROM quotes WHERE strategy = $s AND ($from IS NULL OR time_ms >= $from) AND ($to IS NULL OR time_ms <= $to)", strategy, fromMs, toMs);
            return (long)cmd.ExecuteScalar()!;
        }

        long used = 0;
        foreach (var run in snapshots.GroupBy(s => s.RunId))
        {
            var before = run.Where(s => fromMs is not null && s.TimeMs < fromMs).Select(s => s.Requests).DefaultIfEmpty(0).Max();
            var inside = run.Where(s => In(s.TimeMs, fromMs, toMs)).Select(s => s.Requests).DefaultIfEmpty(before).Max();
            used += Math.Max(0, inside - before);
        }

        return used;
    }

    private SqliteCommand Command(string sql, string? strategy, long? fromMs, long? toMs)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("$s", (object?)strategy ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$from", (object?)fromMs ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$to", (object?)toMs ?? DBNull.Value);
        return cmd;
    }

    private string CoinOf(string strategy)
    {
        using var cmd = Command("SELECT coin FROM fills WHERE strategy = $s UNION SELECT coin FROM snapshots WHERE strategy = $s LIMIT 1", strategy, null, null);
        return cmd.ExecuteScalar() as string ?? "?";
    }

    private List<QuoteSample> Quotes(string strategy, long? fromMs, long? toMs)
    {
        using var cmd = Command(
            "SELECT time_ms, mid, bid_px, ask_px, spread_bps, stage FROM quotes WHERE strategy = $s AND ($from IS NULL OR time_ms >= $from) AND ($to IS NULL OR time_ms <= $to) ORDER BY time_ms, id",
            strategy,
            fromMs,
            toMs);
        using var r = cmd.ExecuteReader();
        var list = new List<QuoteSample>();
        while (r.Read())
        {
            list.Add(new QuoteSample(r.GetInt64(0), Dec(r, 1), Dec(r, 2), Dec(r, 3), r.GetDouble(4), r.GetInt64(5) > 0 ? QuoteSample.FillPressureMode : "Quoting"));
        }

        return list;
    }

    private List<Snapshot> Snapshots(string strategy)
    {
        using var cmd = Command("SELECT run_id, time_ms, coin, position, max_abs_position, requests FROM snapshots WHERE strategy = $s ORDER BY time_ms, id", strategy, null, null);
        using var r = cmd.ExecuteReader();
        var list = new List<Snapshot>();
        while (r.Read())
        {
            list.Add(new Snapshot(r.GetInt64(0), r.GetInt64(1), r.GetString(2), Dec(r, 3), Dec(r, 4), r.GetInt64(5)));
        }

        return list;
    }

    private static List<InventorySample> Inventory(List<ReportFill> fills, List<Snapshot> inWindow, List<Snapshot> all)
    {
        // The cap at a time is the newest snapshot's at or before it (the first snapshot's before any); one merge pass.
        var merged = inWindow.Select(s => (s.TimeMs, s.Position, Order: 0))
            .Concat(fills.Select(f => (f.TimeMs, Position: f.PositionAfter, Order: 1)))
            .OrderBy(x => x.TimeMs).ThenBy(x => x.Order)
            .ToList();
        var samples = new List<InventorySample>(merged.Count);
        var next = 0;
        var cap = all.Count > 0 ? all[0].Cap : 0m;
        foreach (var (time, position, _) in merged)
        {
            while (next < all.Count && all[next].TimeMs <= time)
            {
                cap = all[next++].Cap;
            }

            samples.Add(new InventorySample(time, position, cap));
        }

        return samples;
    }

    private (long Placed, List<RejectionCount> Rejections) Orders(string strategy, long? fromMs, long? toMs)
    {
        using var cmd = Command(
            """
            SELECT COALESCE(reason, 'Unknown'), result, COUNT(*) FROM orders
            WHERE strategy = $s AND action <> 'cancel' AND ($from IS NULL OR time_ms >= $from) AND ($to IS NULL OR time_ms <= $to)
            GROUP BY 1, 2
            """,
            strategy,
            fromMs,
            toMs);
        using var r = cmd.ExecuteReader();
        long placed = 0;
        var rejections = new List<RejectionCount>();
        while (r.Read())
        {
            placed += r.GetInt64(2);
            if (r.GetString(1) == "rejected")
            {
                rejections.Add(new RejectionCount(r.GetString(0), r.GetInt64(2)));
            }
        }

        return (placed, rejections.OrderByDescending(x => x.Count).ThenBy(x => x.Reason, StringComparer.Ordinal).ToList());
    }

    private sealed record Snapshot(long RunId, long TimeMs, string Coin, decimal Position, decimal Cap, long Requests);
}
