using System.Globalization;
using Microsoft.Data.Sqlite;

namespace HyperMM.Journal;

/// <summary>
/// Every journal connection is opened here, so every command refuses a journal that cannot be used the same way:
/// a directory, a read-only file (when writing), a file that is not an SQLite database (garbage, truncated), a
/// damaged one, one locked by another process, or one written by a newer hypermm (schema version above
/// <see cref="JournalSchema.Version"/>). Each is a <see cref="JournalException"/> naming the file and what to do
/// (exit code 4), never a stack trace.
/// </summary>
public static class JournalFile
{
    /// <summary>How long a journal statement waits for a lock another process holds, unless told otherwise.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(30);

    public static SqliteConnection Open(string path, bool readOnly, TimeSpan? busyTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        CheckPath(path, readOnly);
        var wait = busyTimeout ?? DefaultBusyTimeout;
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)), // the client retries a busy journal this long
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            using (var busy = connection.CreateCommand())
            {
                busy.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {(long)Math.Min(wait.TotalMilliseconds, 5_000)};");
                busy.ExecuteNonQuery();
            }

            CheckVersion(connection, path);
            return connection;
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw Explain(path, ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Refusals that need no SQLite: a directory where the file should be, a read-only file to write.</summary>
    public static void CheckPath(string path, bool readOnly)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw new JournalException($"journal {path} is a directory, not a file: pass --db with a file path (e.g. {Path.Combine(path, "hypermm.db")})");
        }

        if (!readOnly && File.Exists(path) && IsMarkedReadOnly(path))
        {
            throw new JournalException($"journal {path} is read-only: make it writable (chmod u+w {path}) or pass --db with another file");
        }
    }

    /// <summary>A failed SQLite call on the journal as one line that says what to do.</summary>
    public static JournalException Explain(string path, SqliteException failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var what = (failure.SqliteErrorCode & 0xFF) switch
        {
            5 or 6 => "is locked by another process (a run, or a tool holding a write transaction): stop it, or pass --db with another file",
            8 => "is read-only for this process: make it and its folder writable, or pass --db with another file",
            10 => "could not be read or written (I/O error): check the disk, or pass --db with a file elsewhere",
            11 => "is damaged (the database disk image is malformed): keep a copy for the record and start a new journal with --db",
            13 => "could not be written: the disk is full; free space, or pass --db with a file on another disk",
            14 => "cannot be opened (missing folder or no permission): check the path, or pass --db with another file",
            26 => "is not a HyperMM journal (not an SQLite database: truncated or overwritten?): move it aside and start a new one, or pass --db with another file",
            _ => "cannot be used",
        };
        return new JournalException($"journal {path} {what} ({failure.Message.TrimEnd('.')})", failure);
    }

    /// <summary>A journal from a newer hypermm is refused: this build would misread or damage it.</summary>
    public static void CheckVersion(SqliteConnection connection, string path)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var hasMeta = connection.CreateCommand();
        hasMeta.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'";
        if (Convert.ToInt64(hasMeta.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
        {
            return; // a new, empty file
        }

        var version = JournalMigrations.VersionOf(connection);
        if (version > JournalSchema.Version)
        {
            throw new JournalException(
                $"journal {path} has schema version {version}, newer than this hypermm understands (up to {JournalSchema.Version}): use a newer hypermm, or pass --db with another file");
        }
    }

    private static bool IsMarkedReadOnly(string path) =>
        OperatingSystem.IsWindows()
            ? File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly)
            : (File.GetUnixFileMode(path) & UnixFileMode.UserWrite) == 0;
}
