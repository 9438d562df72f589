namespace HyperMM.Core.Strategy;

/// <summary>Running counters of one strategy (backtest report, live table, journal snapshots).</summary>
public sealed class StrategyStats
{
    public long Fills { get; set; }

    public long MakerFills { get; set; }

    /// <summary>Σ (mid − price) × size for buys and (price − mid) × size for sells, mid at fill time: edge versus mid, USD.</summary>
    public decimal SpreadCaptureUsd { get; set; }

    public decimal MaxAbsPosition { get; set; }

    /// <summary>∫ |position| dt, coin·ms.</summary>
    public decimal AbsPositionTimeIntegral { get; set; }

    /// <summary>∫ position dt, coin·ms.</summary>
    public decimal PositionTimeIntegral { get; set; }

    public long ElapsedMs { get; set; }

    public long FillPressureMs { get; set; }

    /// <summary>Actions sent to the venue, counted as the address budget counts them (a batch of n is n).</summary>
    public long RequestsSent { get; set; }

    /// <summary>Requotes that sent at least one action.</summary>
    public long Requotes { get; set; }

    /// <summary>Quotes computed (including those that needed no action).</summary>
    public long QuotesComputed { get; set; }

    public long Rejections { get; set; }

    public Dictionary<Trading.RejectReason, long> RejectionsByReason { get; } = [];

    public decimal TimeWeightedAbsPosition => ElapsedMs == 0 ? 0m : AbsPositionTimeIntegral / ElapsedMs;

    public decimal TimeWeightedPosition => ElapsedMs == 0 ? 0m : PositionTimeIntegral / ElapsedMs;
}
