using System.Globalization;
using HyperMM.Cli.Journal;
using HyperMM.Cli.Reports;
using Microsoft.Data.Sqlite;
using static HyperMM.Cli.Journal.JournalDecimal;

namespace HyperMM.Cli.Dashboard;

/// <summary>
/// Reads the dashboard's view of a journal (WAL lets it read while the engine writes). Figures and the PnL series
/// are the report's (<see cref="JournalReportSource"/> + <see cref="ReportCalculator"/>: the strategy's ledger replayed),
/// for the selected runs only (the newest by default); the newest snapshot gives mode, position, cap and last error.
/// <see cref="Fingerprint"/> is cheap and changes whenever any journal table gets a row, so the server only rebuilds
/// the state when something happened.
/// </summary>
public sealed class DashboardJournalReader : IDisposable
{
    public const int QuotePoints = 600;
    public const int FillPoints = 200;
    public const int SeriesPoints = 600;
    public const int ErrorCount = 20;

    private readonly JournalReportSource _source;
    private readonly SqliteConnection _connection;
    private readonly RunSelection _runs;

    public DashboardJournalReader(string path, RunSelection? runs = null)
    {
        _source = new JournalReportSource(path);
        _connection = JournalWriter.OpenConnection(path, readOnly: true);
        _runs = runs ?? RunSelection.Latest;
    }

    public void Dispose()
    {
        _connection.Dispose();
        _source.Dispose();
    }

    public string Fingerprint()
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = """
            SELECT (SELECT COALESCE(MAX(id), 0) FROM fills), (SELECT COALESCE(MAX(id), 0) FROM quotes), (SELECT COALESCE(MAX(id), 0) FROM snapshots),
                   (SELECT COALESCE(MAX(id), 0) FROM notes), (SELECT COALESCE(MAX(id), 0) FROM orders), (SELECT COALESCE(MAX(id), 0) FROM ledger),
                   (SELECT COALESCE(MAX(run_id), 0) FROM runs), (SELECT COUNT(*) FROM fills)
            """;
        using var r = cmd.ExecuteReader();
        r.Read();
        return string.Join(',', Enumerable.Range(0, r.FieldCount).Select(i => r.GetInt64(i).ToString(CultureInfo.InvariantCulture)));
    }

    public (string RunLabel, IReadOnlyList<DashboardStrategy> Strategies, IReadOnlyList<DashboardError> Errors) Read()
    {
        var data = _source.Load(null, null, null, _runs, Math.Max(QuotePoints, SeriesPoints));
        var runIds = _runs.Pick(_source.Runs()).Select(r => r.RunId).ToList();
        return (data.RunLabel, data.Strategies.Select(s => Strategy(ReportCalculator.Compute(s), runIds)).ToList(), Errors(runIds));
    }

    private SqliteCommand Command(string sql, string? strategy, IReadOnlyList<long> runIds)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql.Replace("$runs", runIds.Count == 0 ? "NULL" : string.Join(',', runIds.Select(r => r.ToString(CultureInfo.InvariantCulture))), StringComparison.Ordinal);
        cmd.Parameters.AddWithValue("$s", (object?)strategy ?? DBNull.Value);
        return cmd;
    }


    private DashboardStrategy Strategy(StrategyReport report, IReadOnlyList<long> runIds)
    {
        var d = report.Data;
        var f = report.Figures.Figures;
        var name = d.Name;
        string mode = "Unknown";
        string? lastError = null;
        long? updated = null;
        decimal position = f.Position, cap = 0m;
        using (var cmd = Command("SELECT mode, position, max_abs_position, last_error, time_ms FROM snapshots WHERE strategy = $s AND run_id IN ($runs) ORDER BY time_ms DESC, id DESC LIMIT 1", name, runIds))
        using (var r = cmd.ExecuteReader())
        {
            if (r.Read())
            {
                (mode, cap) = (r.GetString(0), Dec(r, 2));
                lastError = r.IsDBNull(3) ? null : r.GetString(3);
                updated = r.GetInt64(4);
            }
        }

        int PartAt(long t) => Math.Max(0, d.Windows.ToList().FindLastIndex(w => w.OpenedMs <= t));
        var quotes = d.Quotes.TakeLast(QuotePoints).Select(q => new DashboardQuotePoint(q.TimeMs, q.Mid, q.Bid, q.Ask, PartAt(q.TimeMs))).ToList();
        var fills = new List<DashboardFillPoint>();
        using (var cmd = Command($"SELECT time_ms, tid, side, px, sz, fee FROM fills WHERE strategy = $s AND run_id IN ($runs) AND historical = 0 ORDER BY time_ms DESC, id DESC LIMIT {FillPoints}", name, runIds))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                fills.Add(new DashboardFillPoint(r.GetInt64(0), r.GetInt64(1), r.GetString(2), Dec(r, 3), Dec(r, 4), Dec(r, 5)));
            }
        }

        fills.Reverse();
        var inventory = d.Inventory.TakeLast(SeriesPoints).Select(p => new DashboardValuePoint(p.TimeMs, p.Position, PartAt(p.TimeMs))).ToList();
        var pnl = report.Pnl.TakeLast(SeriesPoints).Select(p => new DashboardValuePoint(p.TimeMs, p.Total, p.Part)).ToList();
        var last = quotes.Count > 0 ? quotes[^1] : null;
        updated = new[] { updated ?? 0, last?.T ?? 0, fills.Count > 0 ? fills[^1].T : 0, d.ToMs }.Max();
        return new DashboardStrategy(name, d.Coin, mode, updated == 0 ? null : updated, last?.Mid, last?.Bid, last?.Ask, d.Quotes.Count > 0 ? d.Quotes[^1].SpreadBps : null,
            position, cap, f.Fills, f.VolumeUsd, f.TotalPnl, f.Fees, f.Counters.Requests, lastError, quotes, fills, inventory, pnl)
        {
            SpreadCapture = f.SpreadCapture,
            InventoryPnl = f.InventoryPnl,
            Markout10sBps = f.Markout(10)?.Bps,
            StaleMidFills = f.StaleMidFills,
            InvalidBooks = f.Counters.InvalidBooks,
        };
    }

    private List<DashboardError> Errors(IReadOnlyList<long> runIds)
    {
        var list = new List<DashboardError>();
        using (var cmd = Command($"SELECT time_ms, strategy, level, message FROM notes WHERE run_id IN ($runs) AND level IN ('warn', 'warning', 'error', 'critical') ORDER BY time_ms DESC, id DESC LIMIT {ErrorCount}", null, runIds))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                list.Add(new DashboardError(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3)));
            }
        }

        using (var cmd = Command($"SELECT time_ms, strategy, action, COALESCE(reason, 'Unknown'), COALESCE(message, '') FROM orders WHERE run_id IN ($runs) AND result IN ('rejected', 'failed') ORDER BY time_ms DESC, id DESC LIMIT {ErrorCount}", null, runIds))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var message = r.GetString(4).Length == 0 ? r.GetString(3) : $"{r.GetString(3)}: {r.GetString(4)}";
                list.Add(new DashboardError(r.GetInt64(0), r.GetString(1), r.GetString(2) + " rejected", message));
            }
        }

        return list.OrderByDescending(e => e.T).Take(ErrorCount).ToList();
    }
}
