using HyperMM.Simulation.Queue;

namespace HyperMM.Simulation.Matching;

/// <summary>Venue parameters of a <see cref="MatchingEngine"/>.</summary>
public sealed record MatchingEngineOptions
{
    public FeeSchedule Fees { get; init; } = FeeSchedule.HyperliquidBase;

    /// <summary>Leverage of a coin before the account sets one; capped by the instrument's max leverage (venue default 20x cross).</summary>
    public int DefaultLeverage { get; init; } = 20;

    /// <summary>Open orders per account (PROTOCOL §7.3: 1000 by default).</summary>
    public int OpenOrderLimit { get; init; } = 1000;

    /// <summary>Cumulative traded volume an account needs before scheduleCancel is accepted (PROTOCOL §2.2).</summary>
    public decimal ScheduleCancelVolumeGateUsd { get; init; } = 1_000_000m;

    /// <summary>A scheduled cancel must be at least this far in the future.</summary>
    public TimeSpan ScheduleCancelMinLead { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>First order id handed out (ids are unique and increase by one).</summary>
    public long FirstOrderId { get; init; } = 1_000_000_000;

    /// <summary>First trade id handed out.</summary>
    public long FirstTradeId { get; init; } = 500_000_000_000;

    /// <summary>Levels per side in published book snapshots.</summary>
    public int BookDepth { get; init; } = 20;

    /// <summary>When false, <see cref="IMatchingEventSink.OnBook"/> is never called (backtests: saves building merged books).</summary>
    public bool PublishBooks { get; init; } = true;

    /// <summary>How shrinking outside levels move our resting orders forward (default <see cref="QueueModels.DefaultName"/>).</summary>
    public IQueueModel QueueModel { get; init; } = QueueModels.Default;
}
