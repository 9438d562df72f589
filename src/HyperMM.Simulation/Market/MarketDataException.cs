namespace HyperMM.Simulation.Market;

/// <summary>A market data file is missing or cannot be read; the message is one line naming the file.</summary>
public sealed class MarketDataException : Exception
{
    public MarketDataException()
    {
    }

    public MarketDataException(string message)
        : base(message)
    {
    }

    public MarketDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
