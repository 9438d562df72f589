namespace HyperMM.Journal;

/// <summary>A <c>--run</c> that names no run (not a run id, or a run the journal does not have): a usage mistake, exit code 2.</summary>
public sealed class RunSelectionException : Exception
{
    public RunSelectionException()
    {
    }

    public RunSelectionException(string message)
        : base(message)
    {
    }

    public RunSelectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
