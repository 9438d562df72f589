namespace HyperMM.Cli.Safety;

/// <summary>Another live run holds a lease this run needs; the message names the holder's pid and start time. Exit code 5.</summary>
public sealed class LeaseHeldException : Exception
{
    public LeaseHeldException()
    {
    }

    public LeaseHeldException(string message)
        : base(message)
    {
    }

    public LeaseHeldException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
