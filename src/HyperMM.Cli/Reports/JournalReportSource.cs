using System.Globalization;
using HyperMM.Cli.Journal;
using Microsoft.Data.Sqlite;
using static HyperMM.Cli.Journal.JournalDecimal;

namespace HyperMM.Cli.Reports;

/// <summary>
/// Fills <see cref="ReportData"/> from a journal (read-only connection; works on a running journal too) for the
/// selected runs: per strategy and run, the ledger to replay (<see cref="JournalLedger"/>), and for the charts the
/// quote decisions (mode FillPressure when the pressure stage is above zero), inventory from the periodic snapshots
/// plus the position after every fill, the cap from the nearest snapshot. Nothing from another run is mixed in.
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
        JournalMigrations.EnsureCurrent(path);
        _connection = JournalWriter.OpenConnection(path, readOnly: true);
    }

    public void Dispose() => _connection.Dispose();

    public IReadOnlyList<JournalRun> Runs() => JournalLedger.Runs(_connection);

    /// <summary>
    /// Loads the selected runs. <paramref name="tail"/> keeps only the newest that many quotes, fills and snapshots for
    /// the charts (the dashboard); the figures always replay every ledger entry.
    /// </summary>
    public ReportData Load(string? strategy, long? fromMs, long? toMs, RunSelection? runs = null, int? tail = null)
    {
        var selection = runs ?? RunSelection.Latest;
        var picked = selection.Pick(Runs());
        var names = picked.SelectMany(r => JournalLedger.Strategies(_connection, r.RunId))
            .Distinct(StringComparer.Ordinal).Where(s => strategy is null || s == strategy).Order(StringComparer.Ordinal).ToList();
        var strategies = new List<StrategyReportData>(names.Count);
        foreach (var name in names)
        {
            var inRuns = picked.Where(r => JournalLedger.Strategies(_connection, r.RunId).Contains(name)).ToList();
            var windows = inRuns.Select(r => JournalLedger.Window(_connection, r, name, fromMs, toMs)).ToList();
            var runIds = inRuns.Select(r => r.RunId).ToList();
            var fills = Fills(name, runIds, fromMs, toMs, tail);
            var quotes = Quotes(name, runIds, fromMs, toMs, tail);
            var snapshots = Snapshots(name, runIds, tail);
            var inventory = Inventory(fills, snapshots.Where(s => In(s.TimeMs, fromMs, toMs)).ToList(), snapshots);
            var from = windows.Count == 0 ? fromMs ?? 0 : windows.Min(w => w.OpenedMs);
            var to = windows.Count == 0 ? toMs ?? from : windows.Max(w => w.AsOfMs);
            object? run = selection.All && picked.Count != 1 ? "all" : runIds.Count == 1 ? runIds[0] : null;
            strategies.Add(new StrategyReportData(name, CoinOf(name), run, from, to, windows, fills, quotes, inventory));
        }

        var label = picked.Count switch
        {
            0 => "no runs in the journal",
            1 => picked[0].Describe(),
            _ => $"all {picked.Count} runs ({string.Join(", ", picked.Select(r => r.RunId))}); each run's ledger is kept apart and the totals add them",
        };
        return new ReportData($"HyperMM report: {Path.GetFileName(_path)}", label, "journal", _path, strategies);
    }

    /// <summary>The default output folder name for a selection: run-N for one run, all-runs for every run.</summary>
    public string FolderName(RunSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var picked = selection.Pick(Runs());
        return picked.Count == 1 ? string.Create(CultureInfo.InvariantCulture, $"run-{picked[0].RunId}") : picked.Count == 0 ? "empty" : "all-runs";
    }

    private static bool In(long t, long? fromMs, long? toMs) => (fromMs is null || t >= fromMs) && (toMs is null || t <= toMs);


    private SqliteCommand Command(string sql, string strategy, IReadOnlyList<long> runIds, long? fromMs, long? toMs)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql.Replace("$runs", string.Join(',', runIds.Select(r => r.ToString(CultureInfo.InvariantCulture))), StringComparison.Ordinal);
        cmd.Parameters.AddWithValue("$s", strategy);
        cmd.Parameters.AddWithValue("$from", (object?)fromMs ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$to", (object?)toMs ?? DBNull.Value);
        return cmd;
    }

    private string CoinOf(string strategy)
    {
        using var cmd = Command("SELECT coin FROM fills WHERE strategy = $s UNION SELECT coin FROM snapshots WHERE strategy = $s LIMIT 1", strategy, [], null, null);
        return cmd.ExecuteScalar() as string ?? "?";
    }

    /// <summary>Oldest first; with a tail, only the newest <paramref name="tail"/> rows (still returned oldest first).</summary>
    private static string Order(string keys, int? tail) =>
        tail is { } n
            ? $" ORDER BY {string.Join(", ", keys.Split(',').Select(k => k.Trim() + " DESC"))} LIMIT {n.ToString(CultureInfo.InvariantCulture)}"
            : $" ORDER BY {keys}";

    private static List<T> Chronological<T>(List<T> rows, int? tail)
    {
        if (tail is not null)
        {
            rows.Reverse();
        }

        return rows;
    }

    private List<ReportFill> Fills(string strategy, IReadOnlyList<long> runIds, long? fromMs, long? toMs, int? tail)
    {
        using var cmd = Command("""
            SELECT time_ms, side, px, sz, fee, crossed, mid_at_fill, position_after FROM fills
            WHERE strategy = $s AND run_id IN ($runs) AND historical = 0 AND ($from IS NULL OR time_ms >= $from) AND ($to IS NULL OR time_ms <= $to)
            """ + Order("time_ms, tid", tail), strategy, runIds, fromMs, toMs);
        using var r = cmd.ExecuteReader();
        var list = new List<ReportFill>();
        while (r.Read())
        {
            list.Add(new ReportFill(r.GetInt64(0), r.GetString(1) == "B" ? Core.Primitives.Side.Buy : Core.Primitives.Side.Sell, Dec(r, 2), Dec(r, 3), Dec(r, 4), r.GetInt64(5) != 0, Dec(r, 6), Dec(r, 7)));
        }

        return Chronological(list, tail);
    }

    private List<QuoteSample> Quotes(string strategy, IReadOnlyList<long> runIds, long? fromMs, long? toMs, int? tail)
    {
        using var cmd = Command(
            "SELECT time_ms, mid, bid_px, ask_px, spread_bps, stage FROM quotes WHERE strategy = $s AND run_id IN ($runs) AND ($from IS NULL OR time_ms >= $from) AND ($to IS NULL OR time_ms <= $to)" + Order("time_ms, id", tail),
            strategy, runIds, fromMs, toMs);
        using var r = cmd.ExecuteReader();
        var list = new List<QuoteSample>();
        while (r.Read())
        {
            list.Add(new QuoteSample(r.GetInt64(0), Dec(r, 1), Dec(r, 2), Dec(r, 3), r.GetDouble(4), r.GetInt64(5) > 0 ? QuoteSample.FillPressureMode : "Quoting"));
        }

        return Chronological(list, tail);
    }

    private List<Snapshot> Snapshots(string strategy, IReadOnlyList<long> runIds, int? tail)
    {
        using var cmd = Command("SELECT run_id, time_ms, coin, position, max_abs_position FROM snapshots WHERE strategy = $s AND run_id IN ($runs)" + Order("time_ms, id", tail), strategy, runIds, null, null);
        using var r = cmd.ExecuteReader();
        var list = new List<Snapshot>();
        while (r.Read())
        {
            list.Add(new Snapshot(r.GetInt64(0), r.GetInt64(1), r.GetString(2), Dec(r, 3), Dec(r, 4)));
        }

        return Chronological(list, tail);
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

    private sealed record Snapshot(long RunId, long TimeMs, string Coin, decimal Position, decimal Cap);
}
