using System.Globalization;
using System.Threading.Channels;
using HyperMM.Core.Trading;
using Microsoft.Data.Sqlite;

namespace HyperMM.Journal;

/// <summary>
/// Writes the journal (SQLite, WAL) from one background task: callers enqueue entries from any thread and never
/// block on disk. Every batch available is committed in one transaction as soon as it is dequeued, so a fill
/// reaches the file within milliseconds; WAL with synchronous=NORMAL keeps committed rows through a process kill.
/// Fills are inserted with INSERT OR IGNORE on (account, coin, tid): reporting one twice stores it once.
/// If writing fails, <see cref="Failure"/> is set and later entries are refused loudly: the engine must stop
/// trading rather than trade without a journal.
/// </summary>
public sealed class JournalWriter : IAsyncDisposable
{
    private readonly Channel<JournalEntry> _queue = Channel.CreateUnbounded<JournalEntry>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;
    private readonly Task _loop;
    private readonly Dictionary<string, string> _accounts = new(StringComparer.Ordinal);
    private readonly object _accountsGate = new();
    private readonly CancellationTokenSource _failed = new();

    private JournalWriter(SqliteConnection connection, TimeProvider time, long runId, string path)
    {
        _connection = connection;
        _time = time;
        RunId = runId;
        Path = path;
        _loop = Task.Run(WriteLoopAsync);
    }

    public long RunId { get; }

    public string Path { get; }

    /// <summary>The error that stopped the writer, if any.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Cancelled when the writer stops on an error: the engine halts trading rather than trade unjournaled.</summary>
    public CancellationToken Failed => _failed.Token;

    /// <summary>
    /// Opens (creating folder, file and schema as needed, migrating an older journal) and records the start of a run
    /// with the hash of its effective strategy parameters.
    /// </summary>
    /// <param name="busyTimeout">How long a write waits for a lock another process holds before the writer fails.</param>
    public static JournalWriter Open(string path, TimeProvider time, string network, string mode, IEnumerable<string> strategies, string? configHash = null, TimeSpan? busyTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(time);
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var connection = OpenConnection(path, readOnly: false, busyTimeout);
        try
        {
            using (var create = connection.CreateCommand())
            {
                create.CommandText = JournalSchema.Create;
                create.ExecuteNonQuery();
            }

            using (var version = connection.CreateCommand())
            {
                version.CommandText = "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', $v)";
                version.Parameters.AddWithValue("$v", JournalSchema.CreateVersion.ToString(CultureInfo.InvariantCulture));
                version.ExecuteNonQuery();
            }

            JournalMigrations.Migrate(connection);
            using var run = connection.CreateCommand();
            run.CommandText = "INSERT INTO runs (started_ms, network, mode, strategies, config_hash) VALUES ($t, $n, $m, $s, $h); SELECT last_insert_rowid();";
            run.Parameters.AddWithValue("$h", (object?)configHash ?? DBNull.Value);
            run.Parameters.AddWithValue("$t", time.GetUtcNow().ToUnixTimeMilliseconds());
            run.Parameters.AddWithValue("$n", network);
            run.Parameters.AddWithValue("$m", mode);
            run.Parameters.AddWithValue("$s", string.Join(",", strategies));
            var runId = (long)run.ExecuteScalar()!;
            return new JournalWriter(connection, time, runId, path);
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw JournalFile.Explain(path, ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Opens a journal connection through <see cref="JournalFile.Open"/> (the one place that refuses unusable journals).</summary>
    public static SqliteConnection OpenConnection(string path, bool readOnly, TimeSpan? busyTimeout = null) =>
        JournalFile.Open(path, readOnly, busyTimeout);

    /// <summary>
    /// Adds one note to a run in a journal another process writes (the watchdog reporting what it did for the engine's
    /// run): one short statement on its own connection; the engine's writer task is not involved. A lock held longer
    /// than <paramref name="busyTimeout"/> (default <see cref="JournalFile.DefaultBusyTimeout"/>) is an
    /// <see cref="SqliteException"/> or a <see cref="JournalException"/> whose cause is one (<see cref="IsLocked"/>).
    /// </summary>
    public static void AppendNote(string path, long runId, NoteEntry note, TimeSpan? busyTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(note);
        if (!File.Exists(path))
        {
            throw new JournalException($"journal {path} does not exist: the note '{note.Message}' was not written");
        }

        using var connection = OpenConnection(path, readOnly: false, busyTimeout);
        using var cmd = connection.CreateCommand();
        if (JournalCommands.Bind(cmd, note, runId))
        {
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>True when <paramref name="failure"/> is another process holding the journal's lock (SQLITE_BUSY or SQLITE_LOCKED), directly or as the cause.</summary>
    public static bool IsLocked(Exception failure) =>
        (failure as SqliteException ?? failure?.InnerException as SqliteException) is { } sqlite && (sqlite.SqliteErrorCode & 0xFF) is 5 or 6;

    /// <summary>Tells the journal which account a strategy trades, so its fills are keyed by (account, coin, tid).</summary>
    public void RegisterAccount(string strategy, string account)
    {
        lock (_accountsGate)
        {
            _accounts[strategy] = account;
        }
    }

    public string AccountOf(string strategy)
    {
        lock (_accountsGate)
        {
            return _accounts.GetValueOrDefault(strategy, "unknown");
        }
    }

    /// <summary>
    /// Queues an entry. After a failure (<see cref="Failure"/>) entries are not written: the engine is halting on
    /// <see cref="Failed"/>, and the file log still has every fill and note.
    /// </summary>
    public void Enqueue(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (Failure is not null)
        {
            return;
        }

        _queue.Writer.TryWrite(entry);
    }

    /// <summary>Completes when every entry enqueued so far is committed, or the writer failed (see <see cref="Failure"/>).</summary>
    public Task FlushAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (Failure is not null || !_queue.Writer.TryWrite(new FlushEntry(done)))
        {
            return Task.CompletedTask;
        }

        return done.Task;
    }

    /// <summary>Records how the run ended, then drains and closes. A failed journal is not written to again.</summary>
    public async Task EndRunAsync(string reason)
    {
        await FlushAsync().ConfigureAwait(false);
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        if (Failure is not null)
        {
            return;
        }

        using var end = _connection.CreateCommand();
        end.CommandText = "UPDATE runs SET ended_ms = $t, end_reason = $r WHERE run_id = $id";
        end.Parameters.AddWithValue("$t", _time.GetUtcNow().ToUnixTimeMilliseconds());
        end.Parameters.AddWithValue("$r", reason);
        end.Parameters.AddWithValue("$id", RunId);
        end.ExecuteNonQuery();
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        finally
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _failed.Dispose();
        }
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<JournalEntry>(256);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < 4096 && reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            try
            {
                WriteBatch(batch);
            }
#pragma warning disable CA1031 // The failure is kept and surfaced to the engine, which stops trading.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Failure = ex is SqliteException sqlite ? JournalFile.Explain(Path, sqlite) : ex;
                foreach (var flush in batch.OfType<FlushEntry>())
                {
                    flush.Done.TrySetResult();
                }

                _queue.Writer.TryComplete();
                while (reader.TryRead(out var dropped))
                {
                    (dropped as FlushEntry)?.Done.TrySetResult();
                }

                await _failed.CancelAsync().ConfigureAwait(false);
                return;
            }

            foreach (var flush in batch.OfType<FlushEntry>())
            {
                flush.Done.TrySetResult();
            }
        }
    }

    private void WriteBatch(List<JournalEntry> batch)
    {
        using var tx = _connection.BeginTransaction();
        foreach (var entry in batch)
        {
            using var cmd = _connection.CreateCommand();
            cmd.Transaction = tx;
            if (JournalCommands.Bind(cmd, entry, RunId))
            {
                cmd.ExecuteNonQuery();
            }
        }

        tx.Commit();
    }
}
