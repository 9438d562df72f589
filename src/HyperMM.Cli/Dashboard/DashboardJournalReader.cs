using System.Globalization;
using HyperMM.Cli.Journal;
using Microsoft.Data.Sqlite;

namespace HyperMM.Cli.Dashboard;

/// <summary>
/// Reads the dashboard's view of a journal over one read-only connection (WAL lets it read while the engine
/// writes). <see cref="Fingerprint"/> is cheap and changes whenever any journal table gets a row, so the server
/// only rebuilds the state when something happened.
/// </summary>
public sealed class DashboardJournalReader : IDisposable
{
    public const int QuotePoints = 600;
    public const int FillPoints = 200;
    public const int SeriesPoints = 600;
    public const int ErrorCount = 20;

    private readonly SqliteConnection _connection;

    public DashboardJournalReader(string path)
    {
        _connection = JournalWriter.OpenConnection(path, readOnly: true);
    }

    public void Dispose() => _connection.Dispose();

    public string Fingerprint()
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = """
            SELECT (SELECT COALESCE(MAX(id), 0) FROM fills), (SELECT COALESCE(MAX(id), 0) FROM quotes), (SELECT COALESCE(MAX(id), 0) FROM snapshots),
                   (SELECT COALESCE(MAX(id), 0) FROM notes), (SELECT COALESCE(MAX(id), 0) FROM orders), (SELECT COUNT(*) FROM fills)
            """;
        using var r = cmd.ExecuteReader();
        r.Read();
        return string.Join(',', Enumerable.Range(0, r.FieldCount).Select(i => r.GetInt64(i).ToString(CultureInfo.InvariantCulture)));
    }

    public (IReadOnlyList<DashboardStrategy> Strategies, IReadOnlyList<DashboardError> Errors) Read()
    {
        var names = new List<string>();
        using (var cmd = Command("SELECT strategy FROM (SELECT strategy FROM snapshots UNION SELECT strategy FROM fills UNION SELECT strategy FROM quotes) ORDER BY strategy", null))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                names.Add(r.GetString(0));
            }
        }

        return (names.Select(Strategy).ToList(), Errors());
    }

    private SqliteCommand Command(string sql, string? strategy)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("$s", (object?)strategy ?? DBNull.Value);
        return cmd;
    }

    private static decimal Dec(SqliteDataReader r, int i) => decimal.Parse(r.GetString(i), NumberStyles.Float, CultureInfo.InvariantCulture);

    private DashboardStrategy Strategy(string name)
    {
        string coin = "?", mode = "Unknown";
        string? lastError = null;
        long? updated = null;
        decimal position = 0m, cap = 0m, pnl = 0m, fees = 0m;
        long requests = 0;
        using (var cmd = Command("SELECT coin, mode, position, max_abs_position, realized_pnl, unrealized_pnl, fees, requests, last_error, time_ms FROM snapshots WHERE strategy = $s ORDER BY time_ms DESC, id DESC LIMIT 1", name))
        using (var r = cmd.ExecuteReader())
        {
            if (r.Read())
            {
                (coin, mode, position, cap) = (r.GetString(0), r.GetString(1), Dec(r, 2), Dec(r, 3));
                (pnl, fees, requests) = (Dec(r, 4) + Dec(r, 5) - Dec(r, 6), Dec(r, 6), r.GetInt64(7));
                lastError = r.IsDBNull(8) ? null : r.GetString(8);
                updated = r.GetInt64(9);
            }
        }

        var quotes = new List<DashboardQuotePoint>();
        double? spread = null;
        using (var cmd = Command($"SELECT time_ms, mid, bid_px, ask_px, spread_bps FROM quotes WHERE strategy = $s ORDER BY time_ms DESC, id DESC LIMIT {QuotePoints}", name))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                spread ??= r.GetDouble(4);
                quotes.Add(new DashboardQuotePoint(r.GetInt64(0), Dec(r, 1), Dec(r, 2), Dec(r, 3)));
            }
        }

        quotes.Reverse();
        var fills = new List<DashboardFillPoint>();
        decimal? lastPosition = null;
        using (var cmd = Command($"SELECT time_ms, tid, side, px, sz, fee, position_after, coin FROM fills WHERE strategy = $s ORDER BY time_ms DESC, id DESC LIMIT {FillPoints}", name))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                fills.Add(new DashboardFillPoint(r.GetInt64(0), r.GetInt64(1), r.GetString(2), Dec(r, 3), Dec(r, 4), Dec(r, 5)));
                lastPosition ??= Dec(r, 6);
                coin = coin == "?" ? r.GetString(7) : coin;
                updated = Math.Max(updated ?? 0, r.GetInt64(0));
            }
        }

        fills.Reverse();
        long count;
        decimal volume;
        using (var cmd = Command("SELECT COUNT(*), COALESCE(SUM(CAST(px AS REAL) * CAST(sz AS REAL)), 0) FROM fills WHERE strategy = $s", name))
        using (var r = cmd.ExecuteReader())
        {
            r.Read();
            count = r.GetInt64(0);
            volume = Math.Round((decimal)r.GetDouble(1), 2);
        }

        var inventory = Series("position", name);
        var pnlSeries = Series("CAST(realized_pnl AS REAL) + CAST(unrealized_pnl AS REAL) - CAST(fees AS REAL)", name);
        var last = quotes.Count > 0 ? quotes[^1] : null;
        if (last is not null)
        {
            updated = Math.Max(updated ?? 0, last.T);
        }

        // A fill newer than the last snapshot moves the position now, not at the next snapshot.
        if (fills.Count > 0 && (inventory.Count == 0 || fills[^1].T >= inventory[^1].T) && lastPosition is { } p)
        {
            position = p;
            inventory.Add(new DashboardValuePoint(fills[^1].T, p));
        }

        return new DashboardStrategy(name, coin, mode, updated, last?.Mid, last?.Bid, last?.Ask, spread, position, cap, count, volume, pnl, fees, requests, lastError,
            quotes, fills, inventory, pnlSeries);
    }

    private List<DashboardValuePoint> Series(string expression, string name)
    {
        var list = new List<DashboardValuePoint>();
        using var cmd = Command($"SELECT time_ms, {expression} FROM snapshots WHERE strategy = $s ORDER BY time_ms DESC, id DESC LIMIT {SeriesPoints}", name);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var v = r.GetFieldType(1) == typeof(string) ? Dec(r, 1) : (decimal)r.GetDouble(1);
            list.Add(new DashboardValuePoint(r.GetInt64(0), v));
        }

        list.Reverse();
        return list;
    }

    private List<DashboardError> Errors()
    {
        var list = new List<DashboardError>();
        using (var cmd = Command($"SELECT time_ms, strategy, level, message FROM notes WHERE level IN ('warn', 'warning', 'error', 'critical') ORDER BY time_ms DESC, id DESC LIMIT {ErrorCount}", null))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                list.Add(new DashboardError(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3)));
            }
        }

        using (var cmd = Command($"SELECT time_ms, strategy, action, COALESCE(reason, 'Unknown'), COALESCE(message, '') FROM orders WHERE result IN ('rejected', 'failed') ORDER BY time_ms DESC, id DESC LIMIT {ErrorCount}", null))
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
