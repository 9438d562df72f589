namespace HyperMM.LocalExchange.Faults;

/// <summary>
/// Fault injection at start-up. Every value can also be changed while the server runs through
/// <see cref="FaultSwitches"/>. Defaults inject nothing.
/// </summary>
public sealed record FaultOptions
{
    /// <summary>Close every WebSocket connection this often (null: never).</summary>
    public TimeSpan? DropWebSocketsEvery { get; init; }

    /// <summary>Fraction (0..1) of HTTP requests answered with HTTP 500 before they are processed.</summary>
    public double HttpFailFraction { get; init; }

    /// <summary>Fraction (0..1) of HTTP requests delayed by <see cref="HttpDelay"/> before they are processed.</summary>
    public double HttpDelayFraction { get; init; }

    public TimeSpan HttpDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The next N HTTP requests are answered with HTTP 429.</summary>
    public int Http429Burst { get; init; }

    /// <summary>Market feed paused: no book or trade updates, no synthetic flow.</summary>
    public bool FeedPaused { get; init; }

    /// <summary>The next N orders are rejected (per order, with the venue's margin error text).</summary>
    public int RejectNextOrders { get; init; }

    /// <summary>Seed of the random choices (which requests fail or are delayed).</summary>
    public int Seed { get; init; } = 7;
}
