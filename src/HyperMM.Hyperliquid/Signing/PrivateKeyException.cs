namespace HyperMM.Hyperliquid.Signing;

/// <summary>A private key could not be obtained (unset variable, malformed value). The message never contains key material.</summary>
public sealed class PrivateKeyException : Exception
{
    public PrivateKeyException()
    {
    }

    public PrivateKeyException(string message)
        : base(message)
    {
    }

    public PrivateKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
