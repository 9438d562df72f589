namespace HyperMM.Journal;

/// <summary>
/// The journal's SQLite schema. Decimals (prices, sizes, fees, PnL) are stored as TEXT in invariant form so they
/// read back exactly; times are Unix milliseconds. Fills are unique per (account, coin, tid): the venue's trade id
/// is the de-duplication key, so a fill reported twice (stream, snapshot, REST backfill) is stored once.
/// <para>
/// <see cref="Create"/> is the version 1 schema, frozen; every later version is a step in
/// <see cref="JournalMigrations"/>. A new journal is created at version 1 and migrated like an old one, so both
/// end up with the same tables. Version 2: runs know their config hash; the ledger table and the fills' ledger
/// columns (sequence, time, stale mid) let the report replay each strategy's ledger exactly; snapshots carry the
/// loop's counters. Version 3: quotes of any model: reservation_bps holds the model's centre as bps from mid,
/// raw_spread_bps its spread before fill pressure, bid_/ask_ its nearest order per side; fair_value, terms (its
/// decomposition, <c>key=value;...</c>) and orders (every desired order, <c>side level price size tif flags;...</c>)
/// are new (<see cref="QuoteEncoding"/>).
/// </para>
/// </summary>
public static class JournalSchema
{
    /// <summary>The schema this build writes and reads.</summary>
    public const int Version = 3;

    /// <summary>The version <see cref="Create"/> makes (a new journal is then migrated like an old one).</summary>
    public const int CreateVersion = 1;

    public const string Create = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS runs (
            run_id INTEGER PRIMARY KEY AUTOINCREMENT,
            started_ms INTEGER NOT NULL,
            ended_ms INTEGER,
            network TEXT NOT NULL,
            mode TEXT NOT NULL,
            strategies TEXT NOT NULL,
            end_reason TEXT);
        CREATE TABLE IF NOT EXISTS fills (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id INTEGER NOT NULL,
            strategy TEXT NOT NULL,
            account TEXT NOT NULL,
            coin TEXT NOT NULL,
            tid INTEGER NOT NULL,
            oid INTEGER NOT NULL,
            cloid TEXT,
            side TEXT NOT NULL,
            px TEXT NOT NULL,
            sz TEXT NOT NULL,
            fee TEXT NOT NULL,
            time_ms INTEGER NOT NULL,
            crossed INTEGER NOT NULL,
            closed_pnl TEXT NOT NULL,
            start_position TEXT NOT NULL,
            hash TEXT,
            historical INTEGER NOT NULL,
            position_after TEXT NOT NULL,
            mid_at_fill TEXT NOT NULL,
            recorded_ms INTEGER NOT NULL,
            UNIQUE (account, coin, tid));
        CREATE INDEX IF NOT EXISTS fills_strategy_time ON fills (strategy, time_ms);
        CREATE TABLE IF NOT EXISTS orders (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id INTEGER NOT NULL,
            strategy TEXT NOT NULL,
            time_ms INTEGER NOT NULL,
            action TEXT NOT NULL,
            cloid TEXT,
            oid INTEGER,
            side TEXT,
            px TEXT,
            sz TEXT,
            tif TEXT,
            reduce_only INTEGER,
            result TEXT NOT NULL,
            reason TEXT,
            message TEXT);
        CREATE INDEX IF NOT EXISTS orders_strategy_time ON orders (strategy, time_ms);
        CREATE TABLE IF NOT EXISTS quotes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id INTEGER NOT NULL,
            strategy TEXT NOT NULL,
            time_ms INTEGER NOT NULL,
            mid TEXT NOT NULL,
            sigma2_h REAL NOT NULL,
            q REAL NOT NULL,
            reservation_bps REAL NOT NULL,
            raw_spread_bps REAL NOT NULL,
            spread_bps REAL NOT NULL,
            stage INTEGER NOT NULL,
            bid_px TEXT NOT NULL,
            bid_sz TEXT NOT NULL,
            ask_px TEXT NOT NULL,
            ask_sz TEXT NOT NULL,
            kept INTEGER NOT NULL,
            requests INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS quotes_strategy_time ON quotes (strategy, time_ms);
        CREATE TABLE IF NOT EXISTS snapshots (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id INTEGER NOT NULL,
            strategy TEXT NOT NULL,
            coin TEXT NOT NULL,
            time_ms INTEGER NOT NULL,
            mode TEXT NOT NULL,
            mid TEXT NOT NULL,
            position TEXT NOT NULL,
            max_abs_position TEXT NOT NULL,
            resting_bid TEXT NOT NULL,
            resting_ask TEXT NOT NULL,
            fills INTEGER NOT NULL,
            volume TEXT NOT NULL,
            realized_pnl TEXT NOT NULL,
            unrealized_pnl TEXT NOT NULL,
            fees TEXT NOT NULL,
            requests INTEGER NOT NULL,
            last_error TEXT);
        CREATE INDEX IF NOT EXISTS snapshots_strategy_time ON snapshots (strategy, time_ms);
        CREATE TABLE IF NOT EXISTS notes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id INTEGER NOT NULL,
            strategy TEXT NOT NULL,
            time_ms INTEGER NOT NULL,
            level TEXT NOT NULL,
            message TEXT NOT NULL);
        """;
}
