namespace HyperMM.Hyperliquid.Json;

/// <summary>JSON that does not describe a valid action or request (unknown type or field, wrong value). Message names the path.</summary>
public sealed class WireFormatException : FormatException
{
    public WireFormatException()
    {
    }

    public WireFormatException(string message)
        : base(message)
    {
    }

    public WireFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
