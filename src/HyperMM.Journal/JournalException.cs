namespace HyperMM.Journal;

/// <summary>
/// The journal cannot be used: locked, not a database, read-only, a directory, from a newer schema, or it stopped
/// writing. The message names the file and what to do. Exit code 4.
/// </summary>
public sealed class JournalException : Exception
{
    public JournalException()
    {
    }

    public JournalException(string message)
        : base(message)
    {
    }

    public JournalException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
