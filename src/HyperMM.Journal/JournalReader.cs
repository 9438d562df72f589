using System.Globalization;
using HyperMM.Core.Accounting;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using Microsoft.Data.Sqlite;
using static HyperMM.Journal.JournalDecimal;

namespace HyperMM.Journal;

/// <summary>
/// The one read side of the journal: every SELECT the report, the dashboard, the start-up backfill and the watchdog's
/// checks run is a named query here (read-only connection, so it works on a running journal too; WAL lets it read
/// while the engine writes). Opening brings an older journal up to date first (<see cref="JournalMigrations.EnsureCurrent"/>)
/// and refuses a broken, locked or newer one (<see cref="JournalFile"/>); a query that fails later (locked, damaged)
/// is a <see cref="JournalException"/> saying so in one line, like a refused open.
/// <para>
/// Queries over rows take the runs to read (<c>null</c> = every run, empty = none) and, for the charts, an optional
/// <c>newest</c> count that keeps only the newest rows; rows always come back oldest first.
/// </para>
/// </summary>
public sealed class JournalReader : IDisposable
{
    private readonly SqliteConnection _connection;

    /// <summary>Opens an existing journal; a missing file is a <see cref="FileNotFoundException"/>.</summary>
    public JournalReader(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"no journal at {path}", path);
        }

        JournalMigrations.EnsureCurrent(path);
        _connection = JournalFile.Open(path, readOnly: true);
        Path = path;
    }

    public string Path { get; }

    public void Dispose() => _connection.Dispose();

    /// <summary>Every run, oldest first.</summary>
    public IReadOnlyList<JournalRun> Runs() =>
        Rows(Command("SELECT run_id, started_ms, ended_ms, network, mode, strategies, config_hash, end_reason FROM runs ORDER BY run_id"), r =>
            new JournalRun(r.GetInt64(0), r.GetInt64(1), r.IsDBNull(2) ? null : r.GetInt64(2), r.GetString(3), r.GetString(4),
                r.GetString(5).Split(',', StringSplitOptions.RemoveEmptyEntries), r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7)));

    /// <summary>Strategies with any row in the run, by name.</summary>
    public IReadOnlyList<string> Strategies(long runId)
    {
        var cmd = Command("""
            SELECT strategy FROM (SELECT strategy FROM ledger WHERE run_id = $run UNION SELECT strategy FROM fills WHERE run_id = $run
                UNION SELECT strategy FROM snapshots WHERE run_id = $run UNION SELECT strategy FROM quotes WHERE run_id = $run) ORDER BY strategy
            """);
        cmd.Parameters.AddWithValue("$run", runId);
        return Rows(cmd, r => r.GetString(0));
    }

    /// <summary>The coin a strategy trades, from its fills or snapshots ("?" when it has neither).</summary>
    public string CoinOf(string strategy)
    {
        using var cmd = Command("SELECT coin FROM fills WHERE strategy = $s UNION SELECT coin FROM snapshots WHERE strategy = $s LIMIT 1");
        cmd.Parameters.AddWithValue("$s", strategy);
        return Guard(() => cmd.ExecuteScalar()) as string ?? "?";
    }

    /// <summary>The strategy's ledger over one run, cut to [from, to] when given (see <see cref="JournalLedger"/>).</summary>
    public LedgerWindow Window(JournalRun run, string strategy, long? fromMs = null, long? toMs = null) =>
        JournalLedger.Window(this, run, strategy, fromMs, toMs);

    /// <summary>
    /// Fills in venue time order (then trade id), optionally of one strategy, within [from, to], only those the ledger
    /// booked (<paramref name="bookedOnly"/>: not historical).
    /// </summary>
    public IReadOnlyList<JournaledFill> Fills(string? strategy = null, IReadOnlyList<long>? runIds = null, long? fromMs = null, long? toMs = null, bool bookedOnly = false, int? newest = null)
    {
        var cmd = Command($"""
            SELECT strategy, account, coin, tid, oid, cloid, side, px, sz, fee, time_ms, crossed, closed_pnl, start_position, hash,
                   historical, position_after, mid_at_fill, run_id, COALESCE(mid_stale, 0), ledger_seq, COALESCE(ledger_ms, time_ms)
            FROM fills
            WHERE ($s IS NULL OR strategy = $s) AND {RunFilter(runIds)} AND ($from IS NULL OR time_ms >= $from) AND ($to IS NULL OR time_ms <= $to)
                AND ($booked = 0 OR historical = 0)
            {Order("time_ms, tid", newest)}
            """);
        cmd.Parameters.AddWithValue("$s", (object?)strategy ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$booked", bookedOnly ? 1 : 0);
        Window(cmd, fromMs, toMs);
        return Chronological(Rows(cmd, ReadFill), newest);
    }

    /// <summary>A strategy's quote decisions, oldest first, within [from, to].</summary>
    public IReadOnlyList<JournaledQuote> Quotes(string strategy, IReadOnlyList<long>? runIds = null, long? fromMs = null, long? toMs = null, int? newest = null)
    {
        var cmd = Command($"""
            SELECT time_ms, mid, bid_px, ask_px, spread_bps, stage FROM quotes
            WHERE strategy = $s AND {RunFilter(runIds)} AND ($from IS NULL OR time_ms >= $from) AND ($to IS NULL OR time_ms <= $to)
            {Order("time_ms, id", newest)}
            """);
        cmd.Parameters.AddWithValue("$s", strategy);
        Window(cmd, fromMs, toMs);
        return Chronological(Rows(cmd, r => new JournaledQuote(r.GetInt64(0), Dec(r, 1), Dec(r, 2), Dec(r, 3), r.GetDouble(4), r.GetInt64(5))), newest);
    }

    /// <summary>A strategy's snapshots, oldest first, taken at or before <paramref name="atOrBeforeMs"/> when given.</summary>
    public IReadOnlyList<JournaledSnapshot> Snapshots(string strategy, IReadOnlyList<long>? runIds = null, long? atOrBeforeMs = null, int? newest = null)
    {
        var cmd = Command($"""
            SELECT run_id, time_ms, coin, mode, position, max_abs_position, last_error, requests, requotes, fill_pressure_ms, invalid_books FROM snapshots
            WHERE strategy = $s AND {RunFilter(runIds)} AND ($to IS NULL OR time_ms <= $to)
            {Order("time_ms, id", newest)}
            """);
        cmd.Parameters.AddWithValue("$s", strategy);
        Window(cmd, null, atOrBeforeMs);
        return Chronological(Rows(cmd, r => new JournaledSnapshot(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), Dec(r, 4), Dec(r, 5),
            r.IsDBNull(6) ? null : r.GetString(6), r.GetInt64(7), r.GetInt64(8), r.GetInt64(9), r.GetInt64(10))), newest);
    }

    /// <summary>Notes of the runs, oldest first; <paramref name="problemsOnly"/> keeps warnings, errors and critical ones.</summary>
    public IReadOnlyList<NoteEntry> Notes(IReadOnlyList<long>? runIds = null, bool problemsOnly = false, int? newest = null)
    {
        var cmd = Command($"""
            SELECT strategy, time_ms, level, message FROM notes
            WHERE {RunFilter(runIds)} AND ($problems = 0 OR level IN ('warn', 'warning', 'error', 'critical'))
            {Order("time_ms, id", newest)}
            """);
        cmd.Parameters.AddWithValue("$problems", problemsOnly ? 1 : 0);
        return Chronological(Rows(cmd, r => new NoteEntry(r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetString(3))), newest);
    }

    /// <summary>Orders and cancels the venue refused in the runs, oldest first.</summary>
    public IReadOnlyList<JournaledFailure> Failures(IReadOnlyList<long>? runIds = null, int? newest = null)
    {
        var cmd = Command($"""
            SELECT time_ms, strategy, action, COALESCE(reason, 'Unknown'), COALESCE(message, '') FROM orders
            WHERE {RunFilter(runIds)} AND result IN ('rejected', 'failed')
            {Order("time_ms, id", newest)}
            """);
        return Chronological(Rows(cmd, r => new JournaledFailure(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4))), newest);
    }

    /// <summary>Changes whenever any journal table gets a row: the dashboard rebuilds only when something happened.</summary>
    public string Fingerprint()
    {
        using var cmd = Command("""
            SELECT (SELECT COALESCE(MAX(id), 0) FROM fills), (SELECT COALESCE(MAX(id), 0) FROM quotes), (SELECT COALESCE(MAX(id), 0) FROM snapshots),
                   (SELECT COALESCE(MAX(id), 0) FROM notes), (SELECT COALESCE(MAX(id), 0) FROM orders), (SELECT COALESCE(MAX(id), 0) FROM ledger),
                   (SELECT COALESCE(MAX(run_id), 0) FROM runs), (SELECT COUNT(*) FROM fills)
            """);
        return Guard(() =>
        {
            using var r = cmd.ExecuteReader();
            r.Read();
            return string.Join(',', Enumerable.Range(0, r.FieldCount).Select(i => r.GetInt64(i).ToString(CultureInfo.InvariantCulture)));
        });
    }

    /// <summary>Venue time of the newest journaled fill of an account on a coin (any run, any strategy), or null.</summary>
    public long? LastFillTime(string account, string coin)
    {
        using var cmd = Command("SELECT MAX(time_ms) FROM fills WHERE account = $a AND coin = $c");
        cmd.Parameters.AddWithValue("$a", account);
        cmd.Parameters.AddWithValue("$c", coin);
        return Guard(() => cmd.ExecuteScalar()) is long l ? l : null;
    }

    /// <summary>Start of the first run that traded the strategy, or null.</summary>
    public long? FirstRunStart(string strategy)
    {
        using var cmd = Command("SELECT MIN(started_ms) FROM runs WHERE (',' || strategies || ',') LIKE $s");
        cmd.Parameters.AddWithValue("$s", "%," + strategy + ",%");
        return Guard(() => cmd.ExecuteScalar()) is long l ? l : null;
    }

    /// <summary>The ledger table's rows of a strategy in a run (the opening included), by sequence.</summary>
    internal IReadOnlyList<LedgerEntry> LedgerRows(long runId, string strategy)
    {
        var cmd = Command("SELECT seq, time_ms, kind, mid, position FROM ledger WHERE run_id = $run AND strategy = $s ORDER BY seq");
        cmd.Parameters.AddWithValue("$run", runId);
        cmd.Parameters.AddWithValue("$s", strategy);
        return Rows(cmd, r => new LedgerEntry(r.GetInt64(0), r.GetInt64(1), Enum.Parse<LedgerEntryKind>(r.GetString(2)), Dec(r, 3), Dec(r, 4)));
    }

    /// <summary>Orders sent (cancels not counted) in [from, to] by result and reason.</summary>
    internal IReadOnlyList<(string Result, string Reason, long Count)> OrderCounts(long runId, string strategy, long? fromMs, long? toMs)
    {
        var cmd = Command("""
            SELECT result, COALESCE(reason, 'Unknown'), COUNT(*) FROM orders
            WHERE run_id = $run AND strategy = $s AND action <> 'cancel' AND ($from IS NULL OR time_ms >= $from) AND ($to IS NULL OR time_ms <= $to)
            GROUP BY 1, 2
            """);
        cmd.Parameters.AddWithValue("$run", runId);
        cmd.Parameters.AddWithValue("$s", strategy);
        Window(cmd, fromMs, toMs);
        return Rows(cmd, r => (r.GetString(0), r.GetString(1), r.GetInt64(2)));
    }

    private static JournaledFill ReadFill(SqliteDataReader r)
    {
        var fill = new Fill(new Coin(r.GetString(2)), r.GetInt64(3), new OrderId(r.GetInt64(4)), r.IsDBNull(5) ? null : Cloid.Parse(r.GetString(5)),
            r.GetString(6) == "B" ? Side.Buy : Side.Sell, Dec(r, 7), Dec(r, 8), Dec(r, 9), r.GetInt64(10), r.GetInt64(11) != 0, Dec(r, 12), Dec(r, 13),
            r.IsDBNull(14) ? null : r.GetString(14));
        return new JournaledFill(r.GetString(0), r.GetString(1), fill, r.GetInt64(15) != 0, Dec(r, 16), Dec(r, 17), r.GetInt64(18), r.GetInt64(19) != 0)
        {
            LedgerSequence = r.IsDBNull(20) ? null : r.GetInt64(20),
            LedgerTimeMs = r.GetInt64(21),
        };
    }

    /// <summary>A condition on run_id: every run (null), none (empty), or the listed ones (integers, inlined).</summary>
    private static string RunFilter(IReadOnlyList<long>? runIds) => runIds switch
    {
        null => "1 = 1",
        { Count: 0 } => "0 = 1",
        _ => "run_id IN (" + string.Join(',', runIds.Select(r => r.ToString(CultureInfo.InvariantCulture))) + ")",
    };

    /// <summary>Oldest first; with <paramref name="newest"/>, the newest that many (reversed back by <see cref="Chronological{T}"/>).</summary>
    private static string Order(string keys, int? newest) =>
        newest is { } n
            ? $"ORDER BY {string.Join(", ", keys.Split(',').Select(k => k.Trim() + " DESC"))} LIMIT {n.ToString(CultureInfo.InvariantCulture)}"
            : $"ORDER BY {keys}";

    private static List<T> Chronological<T>(List<T> rows, int? newest)
    {
        if (newest is not null)
        {
            rows.Reverse();
        }

        return rows;
    }

    private static void Window(SqliteCommand cmd, long? fromMs, long? toMs)
    {
        cmd.Parameters.AddWithValue("$from", (object?)fromMs ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$to", (object?)toMs ?? DBNull.Value);
    }

    private List<T> Rows<T>(SqliteCommand cmd, Func<SqliteDataReader, T> read)
    {
        using (cmd)
        {
            return Guard(() =>
            {
                using var r = cmd.ExecuteReader();
                var rows = new List<T>();
                while (r.Read())
                {
                    rows.Add(read(r));
                }

                return rows;
            });
        }
    }

    /// <summary>A failed query (locked, damaged, I/O) is the same one line as a failed open (<see cref="JournalFile.Explain"/>).</summary>
    private T Guard<T>(Func<T> query)
    {
        try
        {
            return query();
        }
        catch (SqliteException ex)
        {
            throw JournalFile.Explain(Path, ex);
        }
    }

    private SqliteCommand Command(string sql)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd;
    }
}
