namespace HyperMM.Core.Strategy;

/// <summary>What the strategy is doing right now, for display and the journal.</summary>
public enum StrategyMode
{
    Starting = 0,
    Quoting = 1,
    FillPressure = 2,

    /// <summary>No book update for too long: quotes pulled until data returns.</summary>
    StaleData = 3,

    /// <summary>The push stream broke: quotes pulled until a REST resync completes.</summary>
    Resyncing = 4,

    /// <summary>A risk limit tripped: orders cancelled, no more quoting this run.</summary>
    Halted = 5,

    Stopped = 6,
}
