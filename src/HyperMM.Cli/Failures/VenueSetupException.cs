namespace HyperMM.Cli.Failures;

/// <summary>A strategy cannot start for a reason the trader can fix; the message says how. Never carries a key.</summary>
public sealed class VenueSetupException : Exception
{
    public VenueSetupException()
    {
    }

    public VenueSetupException(string message)
        : base(message)
    {
    }

    public VenueSetupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
