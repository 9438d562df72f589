using System.Globalization;
using HyperMM.Core.Accounting;
using HyperMM.Core.Primitives;
using HyperMM.Core.Strategy;
using HyperMM.Core.Trading;
using Microsoft.Data.Sqlite;
using static HyperMM.Cli.Journal.JournalDecimal;

namespace HyperMM.Cli.Journal;

/// <summary>
/// Reads back what a strategy's ledger booked in one run (the report and the dashboard both read it here), as a
/// <see cref="LedgerWindow"/> to replay. Runs journaled with schema 2 replay exactly: the opening, marks and
/// adjustments from the ledger table, the fills with their ledger sequence, time, mid and stale flag. Runs journaled
/// before (schema 1) are rebuilt as well as their rows allow: marks from the quote decisions' mids, fills at their
/// venue time and journaled mid (the fill price, stale, where that was 0), the position held before the first fill
/// taken over at the first mark. Counters come from the run's newest snapshot (requests, requotes, fill pressure,
/// invalid books) and from the orders table (orders placed, rejections by reason).
/// </summary>
public static class JournalLedger
{
    public static IReadOnlyList<JournalRun> Runs(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT run_id, started_ms, ended_ms, network, mode, strategies, config_hash, end_reason FROM runs ORDER BY run_id";
        using var r = cmd.ExecuteReader();
        var runs = new List<JournalRun>();
        while (r.Read())
        {
            runs.Add(new JournalRun(r.GetInt64(0), r.GetInt64(1), r.IsDBNull(2) ? null : r.GetInt64(2), r.GetString(3), r.GetString(4),
                r.GetString(5).Split(',', StringSplitOptions.RemoveEmptyEntries), r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7)));
        }

        return runs;
    }

    /// <summary>Strategies with any row in the run, by name.</summary>
    public static IReadOnlyList<string> Strategies(SqliteConnection connection, long runId)
    {
        using var cmd = Command(connection, """
            SELECT strategy FROM (SELECT strategy FROM ledger WHERE run_id = $run UNION SELECT strategy FROM fills WHERE run_id = $run
                UNION SELECT strategy FROM snapshots WHERE run_id = $run UNION SELECT strategy FROM quotes WHERE run_id = $run) ORDER BY strategy
            """, runId, null);
        using var r = cmd.ExecuteReader();
        var names = new List<string>();
        while (r.Read())
        {
            names.Add(r.GetString(0));
        }

        return names;
    }

    /// <summary>The strategy's ledger over the run, cut to [from, to] when given (see <see cref="LedgerWindow.Slice"/>).</summary>
    public static LedgerWindow Window(SqliteConnection connection, JournalRun run, string strategy, long? fromMs = null, long? toMs = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(run);
        var opened = Opened(connection, run.RunId, strategy);
        var entries = opened is null ? LegacyEntries(connection, run.RunId, strategy) : Entries(connection, run.RunId, strategy);
        var firstMs = opened ?? (entries.Count > 0 ? entries[0].TimeMs : run.StartedMs);
        var lastSnapshot = Scalar(connection, "SELECT MAX(time_ms) FROM snapshots WHERE run_id = $run AND strategy = $s", run.RunId, strategy) ?? firstMs;
        var asOf = Math.Max(lastSnapshot, entries.Count > 0 ? entries[^1].TimeMs : firstMs);
        var window = new LedgerWindow(string.Create(CultureInfo.InvariantCulture, $"run {run.RunId}"), firstMs, asOf, entries, Counters(connection, run.RunId, strategy, fromMs, toMs));
        return fromMs is null && toMs is null ? window : window.Slice(fromMs, toMs);
    }

    private static long? Opened(SqliteConnection c, long runId, string strategy) =>
        Scalar(c, "SELECT MIN(time_ms) FROM ledger WHERE run_id = $run AND strategy = $s AND kind = 'Open'", runId, strategy);

    private static List<LedgerEntry> Entries(SqliteConnection c, long runId, string strategy)
    {
        var entries = new List<LedgerEntry>();
        using (var cmd = Command(c, "SELECT seq, time_ms, kind, mid, position FROM ledger WHERE run_id = $run AND strategy = $s AND kind <> 'Open' ORDER BY seq", runId, strategy))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                entries.Add(new LedgerEntry(r.GetInt64(0), r.GetInt64(1), Enum.Parse<LedgerEntryKind>(r.GetString(2)), Dec(r, 3), Dec(r, 4)));
            }
        }

        foreach (var (fill, booking) in Fills(c, runId, strategy))
        {
            entries.Add(booking.Entry(fill));
        }

        entries.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return entries;
    }

    /// <summary>Booked fills (historical ones are not in the ledger) of the run, with how they were booked.</summary>
    private static IEnumerable<(Fill Fill, FillBooking Booking)> Fills(SqliteConnection c, long runId, string strategy)
    {
        using var cmd = Command(c, """
            SELECT coin, tid, oid, side, px, sz, fee, time_ms, crossed, position_after, mid_at_fill, COALESCE(mid_stale, 0), ledger_seq, COALESCE(ledger_ms, time_ms)
            FROM fills WHERE run_id = $run AND strategy = $s AND historical = 0 ORDER BY COALESCE(ledger_seq, 0), time_ms, tid
            """, runId, strategy);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var fill = new Fill(new Coin(r.GetString(0)), r.GetInt64(1), new OrderId(r.GetInt64(2)), null, r.GetString(3) == "B" ? Side.Buy : Side.Sell,
                Dec(r, 4), Dec(r, 5), Dec(r, 6), r.GetInt64(7), r.GetInt64(8) != 0, 0m, 0m, null);
            var mid = Dec(r, 10);
            var booking = new FillBooking(false, Dec(r, 9), mid > 0m ? mid : fill.Price, mid <= 0m || r.GetInt64(11) != 0, r.IsDBNull(12) ? 0 : r.GetInt64(12), r.GetInt64(13));
            yield return (fill, booking);
        }
    }

    /// <summary>Schema-1 runs: marks from quote mids and fills in time order (a quote before a fill at the same ms).</summary>
    private static List<LedgerEntry> LegacyEntries(SqliteConnection c, long runId, string strategy)
    {
        var timeline = new List<(long TimeMs, int Order, decimal Mid, (Fill Fill, FillBooking Booking)? Fill)>();
        using (var cmd = Command(c, "SELECT time_ms, mid FROM quotes WHERE run_id = $run AND strategy = $s ORDER BY time_ms, id", runId, strategy))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var mid = Dec(r, 1);
                if (mid > 0m)
                {
                    timeline.Add((r.GetInt64(0), 0, mid, null));
                }
            }
        }

        timeline.AddRange(Fills(c, runId, strategy).Select(f => (f.Fill.TimeMs, 1, f.Booking.Mid, ((Fill, FillBooking)?)f)));
        timeline.Sort((a, b) => a.TimeMs != b.TimeMs ? a.TimeMs.CompareTo(b.TimeMs) : a.Order.CompareTo(b.Order));
        var entries = new List<LedgerEntry>(timeline.Count + 1);
        var position = 0m;
        var seq = 0L;
        foreach (var (time, _, mid, fill) in timeline)
        {
            if (fill is not { } f)
            {
                entries.Add(new LedgerEntry(++seq, time, LedgerEntryKind.Mark, mid, position));
                continue;
            }

            // A position the fills do not explain (held at start, or corrected by a resync) is taken over at this fill's mid.
            var before = f.Booking.PositionAfter - (f.Fill.Side.Sign() * f.Fill.Size);
            if (before != position)
            {
                entries.Add(new LedgerEntry(++seq, time, LedgerEntryKind.Adjust, mid, before));
            }

            var booking = f.Booking with { Sequence = ++seq, LedgerTimeMs = time };
            entries.Add(booking.Entry(f.Fill));
            position = booking.PositionAfter;
        }

        return entries;
    }

    /// <summary>The loop's counters over [from, to]: growth of the run's cumulative snapshot counters, orders and rejections from the orders table.</summary>
    private static LedgerCounters Counters(SqliteConnection c, long runId, string strategy, long? fromMs, long? toMs)
    {
        var upTo = SnapshotCounters(c, runId, strategy, toMs, inclusive: true);
        var before = fromMs is null ? new long[4] : SnapshotCounters(c, runId, strategy, fromMs, inclusive: false);
        using var cmd = Command(c, """
            SELECT result, COALESCE(reason, 'Unknown'), COUNT(*) FROM orders
            WHERE run_id = $run AND strategy = $s AND action <> 'cancel' AND ($from IS NULL OR time_ms >= $from) AND ($to IS NULL OR time_ms <= $to)
            GROUP BY 1, 2
            """, runId, strategy);
        cmd.Parameters.AddWithValue("$from", (object?)fromMs ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$to", (object?)toMs ?? DBNull.Value);
        using var r = cmd.ExecuteReader();
        long placed = 0;
        var rejections = new SortedDictionary<string, long>(StringComparer.Ordinal);
        while (r.Read())
        {
            placed += r.GetInt64(2);
            if (r.GetString(0) == "rejected")
            {
                rejections[r.GetString(1)] = r.GetInt64(2);
            }
        }

        return new LedgerCounters(upTo[0] - before[0], upTo[1] - before[1], placed, upTo[2] - before[2], upTo[3] - before[3], rejections);
    }

    /// <summary>requests, requotes, fill_pressure_ms, invalid_books of the newest snapshot at or before (or strictly before) a time; zeros when none.</summary>
    private static long[] SnapshotCounters(SqliteConnection c, long runId, string strategy, long? atMs, bool inclusive)
    {
        using var cmd = Command(c, $"""
            SELECT requests, requotes, fill_pressure_ms, invalid_books FROM snapshots
            WHERE run_id = $run AND strategy = $s AND ($at IS NULL OR time_ms {(inclusive ? "<=" : "<")} $at) ORDER BY time_ms DESC, id DESC LIMIT 1
            """, runId, strategy);
        cmd.Parameters.AddWithValue("$at", (object?)atMs ?? DBNull.Value);
        using var r = cmd.ExecuteReader();
        return r.Read() ? [r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)] : new long[4];
    }

    private static long? Scalar(SqliteConnection c, string sql, long runId, string strategy)
    {
        using var cmd = Command(c, sql, runId, strategy);
        return cmd.ExecuteScalar() is long l ? l : null;
    }

    private static SqliteCommand Command(SqliteConnection c, string sql, long runId, string? strategy)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("$run", runId);
        cmd.Parameters.AddWithValue("$s", (object?)strategy ?? DBNull.Value);
        return cmd;
    }

}
