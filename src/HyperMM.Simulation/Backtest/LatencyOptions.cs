namespace HyperMM.Simulation.Backtest;

/// <summary>
/// Simulated delays, each drawn per message from its <see cref="LatencyDistribution"/>. <see cref="Feed"/>: venue
/// event to strategy (books, trades, our fills and order updates). <see cref="OrderEntry"/>: strategy request to the
/// matching engine. <see cref="OrderAck"/>: engine answer back to the strategy. Info queries (account, fills, order
/// lookup, budget, leverage, scheduleCancel) answer at once. Each leg is one connection, so a message never overtakes
/// the previous one on the same leg (a short draw waits for the message before it). <see cref="Seed"/> fixes the
/// draws: the same seed gives the same run.
/// </summary>
public sealed record LatencyOptions(LatencyDistribution Feed, LatencyDistribution OrderEntry, LatencyDistribution OrderAck, int Seed = 1)
{
    /// <summary>Constant delays.</summary>
    public LatencyOptions(TimeSpan feed, TimeSpan orderEntry, TimeSpan orderAck)
        : this(LatencyDistribution.Constant(feed.TotalMilliseconds), LatencyDistribution.Constant(orderEntry.TotalMilliseconds), LatencyDistribution.Constant(orderAck.TotalMilliseconds))
    {
    }

    /// <summary>No delays at all.</summary>
    public static LatencyOptions Zero { get; } = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>Default: 20 ms each way, a non-colocated client.</summary>
    public static LatencyOptions Default { get; } = new(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(20));

    /// <summary>The same distribution, drawn independently, on all three legs.</summary>
    public static LatencyOptions Each(LatencyDistribution distribution, int seed = 1) => new(distribution, distribution, distribution, seed);
}
