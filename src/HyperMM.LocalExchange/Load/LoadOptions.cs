namespace HyperMM.LocalExchange.Load;

/// <summary>A bounded load run against an in-process local exchange.</summary>
public sealed record LoadOptions
{
    /// <summary>Concurrent clients, each with its own funded account and API wallet (its own signer and nonces).</summary>
    public int Clients { get; init; } = 4;

    /// <summary>How long actions are sent (the run stops sending then and waits for answers in flight).</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Requests each client keeps in flight (each in-flight lane has its own API wallet and nonces).</summary>
    public int InFlightPerClient { get; init; } = 2;

    /// <summary>
    /// Actions per second of run time signed before the clock starts (signing is the client's cost, measured in
    /// the signing benchmark); lanes that use them up sign on the fly.
    /// </summary>
    public double PresignedActionsPerSecond { get; init; } = 5_000;

    /// <summary>Send over the WebSocket <c>post</c> instead of HTTP.</summary>
    public bool OverWebSocket { get; init; }
}
