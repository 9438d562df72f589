using System.Globalization;
using Microsoft.Data.Sqlite;

namespace HyperMM.Journal;

/// <summary>
/// Brings a journal from the version in its meta table up to <see cref="JournalSchema.Version"/>, one step per
/// version, each in one transaction with the version bump. To add a version: append a step (its SQL), raise
/// <see cref="JournalSchema.Version"/>.
/// </summary>
public static class JournalMigrations
{
    /// <summary>Step i takes a journal from version i + 1 to i + 2.</summary>
    private static readonly string[] Steps =
    [
        // 1 -> 2: runs and ledgers
        """
        ALTER TABLE runs ADD COLUMN config_hash TEXT;
        ALTER TABLE fills ADD COLUMN ledger_seq INTEGER;
        ALTER TABLE fills ADD COLUMN ledger_ms INTEGER;
        ALTER TABLE fills ADD COLUMN mid_stale INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE snapshots ADD COLUMN requotes INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE snapshots ADD COLUMN orders_placed INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE snapshots ADD COLUMN fill_pressure_ms INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE snapshots ADD COLUMN invalid_books INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE IF NOT EXISTS ledger (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id INTEGER NOT NULL,
            strategy TEXT NOT NULL,
            seq INTEGER NOT NULL,
            time_ms INTEGER NOT NULL,
            kind TEXT NOT NULL,
            mid TEXT NOT NULL,
            position TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ledger_run_strategy ON ledger (run_id, strategy, seq);
        CREATE INDEX IF NOT EXISTS fills_run_strategy ON fills (run_id, strategy);
        CREATE INDEX IF NOT EXISTS snapshots_run_strategy ON snapshots (run_id, strategy, time_ms);
        """,
        // 2 -> 3: quotes of any model: its centre, its decomposition and every desired order
        """
        ALTER TABLE quotes ADD COLUMN fair_value TEXT;
        ALTER TABLE quotes ADD COLUMN terms TEXT;
        ALTER TABLE quotes ADD COLUMN orders TEXT;
        """,
    ];

    /// <summary>The schema version recorded in the journal (1 when the meta row is missing: the first schema had it from the start).</summary>
    public static int VersionOf(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT value FROM meta WHERE key = 'schema_version'";
        return cmd.ExecuteScalar() is string text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 1;
    }

    /// <summary>Applies every step above the journal's version; returns the version it started from.</summary>
    public static int Migrate(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var from = VersionOf(connection);
        for (var version = from; version < JournalSchema.Version && version - 1 < Steps.Length; version++)
        {
            using var tx = connection.BeginTransaction();
            using (var step = connection.CreateCommand())
            {
                step.Transaction = tx;
                step.CommandText = Steps[version - 1];
                step.ExecuteNonQuery();
            }

            using (var bump = connection.CreateCommand())
            {
                bump.Transaction = tx;
                bump.CommandText = "INSERT INTO meta (key, value) VALUES ('schema_version', $v) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
                bump.Parameters.AddWithValue("$v", (version + 1).ToString(CultureInfo.InvariantCulture));
                bump.ExecuteNonQuery();
            }

            tx.Commit();
        }

        return from;
    }

    /// <summary>
    /// Opens <paramref name="path"/> read-write just long enough to bring an older journal up to date (readers call
    /// this before opening read-only). A journal that cannot be upgraded is a one-line error.
    /// </summary>
    public static void EnsureCurrent(string path)
    {
        using (var reader = JournalFile.Open(path, readOnly: true))
        {
            if (VersionOf(reader) >= JournalSchema.Version)
            {
                return; // current (a newer one was refused by the open): nothing to write, so a read-only journal is fine
            }
        }

        using var connection = JournalFile.Open(path, readOnly: false);
        try
        {
            Migrate(connection);
        }
        catch (SqliteException ex)
        {
            throw new JournalException($"journal {path} is schema version {VersionOf(connection)} and could not be upgraded to {JournalSchema.Version}: {ex.Message}", ex);
        }
    }
}
