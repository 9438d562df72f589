namespace HyperMM.Cli.Journal;

/// <summary>
/// Adds one note to a run in a journal another process writes (the watchdog reporting what it did for the engine's
/// run). One short transaction on its own connection; the engine's writer is not involved.
/// </summary>
public static class JournalNotes
{
    public static void Append(string path, long runId, NoteEntry note)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(note);
        if (!File.Exists(path))
        {
            throw new JournalException($"journal {path} does not exist: the note '{note.Message}' was not written");
        }

        using var connection = JournalWriter.OpenConnection(path, readOnly: false);
        using var cmd = connection.CreateCommand();
        if (JournalCommands.Bind(cmd, note, runId))
        {
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>The notes of a run, oldest first (what the watchdog and the engine said).</summary>
    public static IReadOnlyList<NoteEntry> Read(string path, long runId)
    {
        using var connection = JournalWriter.OpenConnection(path, readOnly: true);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT strategy, time_ms, level, message FROM notes WHERE run_id = $run ORDER BY id";
        cmd.Parameters.AddWithValue("$run", runId);
        using var reader = cmd.ExecuteReader();
        var notes = new List<NoteEntry>();
        while (reader.Read())
        {
            notes.Add(new NoteEntry(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3)));
        }

        return notes;
    }
}
