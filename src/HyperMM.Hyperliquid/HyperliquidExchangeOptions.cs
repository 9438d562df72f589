using HyperMM.Hyperliquid.Accounts;
using HyperMM.Hyperliquid.Streaming;
using HyperMM.Hyperliquid.Transport;

namespace HyperMM.Hyperliquid;

/// <summary>How <see cref="HyperliquidExchange"/> connects: where, as whom, and over which road actions travel.</summary>
public sealed record HyperliquidExchangeOptions(HyperliquidEndpoint Endpoint, TradingAccount Account)
{
    /// <summary>Send actions with the WebSocket <c>post</c> (HTTP is the fallback when the socket is down).</summary>
    public bool PostOverWebSocket { get; init; }

    /// <summary>Per-request HTTP timeout (an /exchange timeout is reported as ambiguous).</summary>
    public TimeSpan HttpTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>When set, L1 actions carry <c>expiresAfter = now + this</c>.</summary>
    public TimeSpan? ExpiresAfter { get; init; }

    public RetryPolicy InfoRetry { get; init; } = RetryPolicy.Default;

    /// <summary>
    /// The venue's weight window shared by every session of this process (one IP): requests wait while a 429 has
    /// it closed, and queries retry instead of failing. Null: each 429 is a failed attempt.
    /// </summary>
    public RateLimitGate? RateLimit { get; init; }

    public WebSocketClientOptions WebSocket { get; init; } = new();

    /// <summary>Capacity of the event channel handed to the strategy loop (the pump waits when it is full).</summary>
    public int EventCapacity { get; init; } = 10_000;
}
