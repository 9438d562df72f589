namespace HyperMM.Simulation.Backtest;

/// <summary>
/// Simulated delays. <see cref="Feed"/>: venue event to strategy (books, trades, our fills and order updates).
/// <see cref="OrderEntry"/>: strategy request to the matching engine. <see cref="OrderAck"/>: engine answer back to
/// the strategy. Info queries (account, fills, order lookup, budget, leverage, scheduleCancel) answer at once.
/// </summary>
public sealed record LatencyOptions(TimeSpan Feed, TimeSpan OrderEntry, TimeSpan OrderAck)
{
    /// <summary>No delays at all.</summary>
    public static LatencyOptions Zero { get; } = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>Default: 20 ms each way, a non-colocated client.</summary>
    public static LatencyOptions Default { get; } = new(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(20));
}
