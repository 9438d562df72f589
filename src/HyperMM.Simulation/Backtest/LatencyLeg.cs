namespace HyperMM.Simulation.Backtest;

/// <summary>
/// One leg of simulated latency (feed, order entry or ack): draws a delay per message from its distribution with its
/// own seeded random stream, and keeps the leg in order: a message is never due before the one sent before it.
/// </summary>
internal sealed class LatencyLeg(LatencyDistribution distribution, int seed)
{
    private readonly Random _random = new(seed);
    private long _lastDueMs = long.MinValue;

    public bool IsZero => distribution.IsZero;

    /// <summary>When a message sent at <paramref name="sentMs"/> arrives.</summary>
    public long Due(long sentMs)
    {
        var due = Math.Max(sentMs + distribution.SampleMs(_random), _lastDueMs);
        _lastDueMs = due;
        return due;
    }
}
