namespace HyperMM.Hyperliquid.Transport;

/// <summary>Bounded exponential backoff for requests that are safe to repeat (/info only).</summary>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    public static RetryPolicy Default { get; } = new(3, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(2));

    public static RetryPolicy None { get; } = new(1, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>Delay before attempt <paramref name="attempt"/> (2, 3, …): base · 2^(attempt−2), capped.</summary>
    public TimeSpan DelayBefore(int attempt)
    {
        var factor = Math.Pow(2, Math.Max(0, attempt - 2));
        var delay = TimeSpan.FromTicks((long)Math.Min(BaseDelay.Ticks * factor, MaxDelay.Ticks));
        return delay;
    }
}
