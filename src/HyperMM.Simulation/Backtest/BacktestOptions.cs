using HyperMM.Simulation.Matching;
using HyperMM.Simulation.Queue;

namespace HyperMM.Simulation.Backtest;

/// <summary>How a backtest is run.</summary>
public sealed record BacktestOptions
{
    public LatencyOptions Latency { get; init; } = LatencyOptions.Default;

    public IQueueModel QueueModel { get; init; } = QueueModels.Default;

    public FeeSchedule Fees { get; init; } = FeeSchedule.HyperliquidBase;

    /// <summary>USDC credited to the simulated account before the start.</summary>
    public decimal InitialUsdc { get; init; } = 10_000m;

    /// <summary>Hand books and trades to the strategy at its next wake-up instead of waking it for each (see SimulatedExchange).</summary>
    public bool BatchMarketEvents { get; init; } = true;

    /// <summary>Run id for the strategy's cloids (fixed, so runs are reproducible).</summary>
    public uint RunId { get; init; } = 1;

    /// <summary>
    /// A gap between two events longer than this splits the data into segments, each run by a fresh strategy from
    /// flat (nothing is carried across). Null: never split.
    /// </summary>
    public TimeSpan? MaxGap { get; init; } = DefaultMaxGap;

    /// <summary>Segments shorter than this are skipped (too short for the strategy to warm up and quote), with a note.</summary>
    public TimeSpan MinSegment { get; init; } = TimeSpan.FromSeconds(10);

    public static TimeSpan DefaultMaxGap { get; } = TimeSpan.FromSeconds(60);

    /// <summary>Also told everything the strategy loop reports (e.g. a journal), besides the backtest's own recorder.</summary>
    public Core.Strategy.IStrategyObserver? Observer { get; init; }
}
