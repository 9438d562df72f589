namespace HyperMM.Hyperliquid.Transport;

/// <summary>The result of one POST: outcome, status code (0 when none) and body bytes (empty when none).</summary>
public sealed record HttpResult(HttpOutcome Outcome, int StatusCode, ReadOnlyMemory<byte> Body, string? Error)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body.Span);

    /// <summary>The venue's Retry-After, when it sent one (429/503).</summary>
    public TimeSpan? RetryAfter { get; init; }
}
