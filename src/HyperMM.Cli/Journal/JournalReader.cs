using System.Globalization;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using Microsoft.Data.Sqlite;
using static HyperMM.Cli.Journal.JournalDecimal;

namespace HyperMM.Cli.Journal;

/// <summary>Read side of the journal: what reports, the dashboard and restart backfill need.</summary>
public sealed class JournalReader : IDisposable
{
    private readonly SqliteConnection _connection;

    public JournalReader(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"no journal at {path}", path);
        }

        JournalMigrations.EnsureCurrent(path);
        _connection = JournalWriter.OpenConnection(path, readOnly: true);
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>Venue time of the newest journaled fill of a strategy's account on a coin, or null.</summary>
    public long? LastFillTime(string account, string coin)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT MAX(time_ms) FROM fills WHERE account = $a AND coin = $c";
        cmd.Parameters.AddWithValue("$a", account);
        cmd.Parameters.AddWithValue("$c", coin);
        var value = cmd.ExecuteScalar();
        return value is long l ? l : null;
    }

    public IReadOnlyList<string> Strategies()
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT strategy FROM (SELECT strategy FROM snapshots UNION SELECT strategy FROM fills UNION SELECT strategy FROM quotes) ORDER BY strategy";
        using var r = cmd.ExecuteReader();
        var names = new List<string>();
        while (r.Read())
        {
            names.Add(r.GetString(0));
        }

        return names;
    }

    /// <summary>Fills of a strategy (all runs) in venue time order, optionally within [from, to].</summary>
    public IReadOnlyList<JournaledFill> Fills(string? strategy = null, long? fromMs = null, long? toMs = null)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = """
            SELECT strategy, account, coin, tid, oid, cloid, side, px, sz, fee, time_ms, crossed, closed_pnl, start_position, hash,
                   historical, position_after, mid_at_fill, run_id, COALESCE(mid_stale, 0)
            FROM fills
            WHERE ($s IS NULL OR strategy = $s) AND ($from IS NULL OR time_ms >= $from) AND ($to IS NULL OR time_ms <= $to)
            ORDER BY time_ms, tid
            """;
        cmd.Parameters.AddWithValue("$s", (object?)strategy ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$from", (object?)fromMs ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$to", (object?)toMs ?? DBNull.Value);
        using var r = cmd.ExecuteReader();
        var fills = new List<JournaledFill>();
        while (r.Read())
        {
            var fill = new Fill(
                new Coin(r.GetString(2)),
                r.GetInt64(3),
                new OrderId(r.GetInt64(4)),
                r.IsDBNull(5) ? null : Cloid.Parse(r.GetString(5)),
                r.GetString(6) == "B" ? Side.Buy : Side.Sell,
                Dec(r, 7),
                Dec(r, 8),
                Dec(r, 9),
                r.GetInt64(10),
                r.GetInt64(11) != 0,
                Dec(r, 12),
                Dec(r, 13),
                r.IsDBNull(14) ? null : r.GetString(14));
            fills.Add(new JournaledFill(r.GetString(0), r.GetString(1), fill, r.GetInt64(15) != 0, Dec(r, 16), Dec(r, 17), r.GetInt64(18), r.GetInt64(19) != 0));
        }

        return fills;
    }

}
