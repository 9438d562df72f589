namespace HyperMM.Core.Strategy;

/// <summary>How a <see cref="StrategyRunner"/> behaves around the quoting itself.</summary>
public sealed record StrategyRunnerOptions
{
    public static StrategyRunnerOptions Default { get; } = new();

    /// <summary>Identifies this run inside the strategy's cloids (earlier runs' orders are recognised and removed).</summary>
    public uint RunId { get; init; }

    /// <summary>
    /// At start, fetch the venue's fills since this time (Unix ms) and report the unseen ones as history, so the
    /// journal holds every fill even if the previous process died before writing it. Null: no backfill.
    /// </summary>
    public long? BackfillFillsSinceMs { get; init; }

    /// <summary>Refresh the venue's dead-man switch (scheduleCancel) this often; zero disables it.</summary>
    public TimeSpan DeadManRefresh { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How far ahead the dead-man switch is set (the venue requires at least 5 s).</summary>
    public TimeSpan DeadManHorizon { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Compare the position built from fills with the venue's clearinghouse state this often; zero disables.</summary>
    public TimeSpan PositionCheckInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the shutdown may take to cancel, confirm and recover late fills. Long enough to wait out the venue's
    /// weight window once (a full window pauses every request for up to a minute).
    /// </summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// After this many cycles in a row have thrown, the strategy halts: it cancels its orders and the run ends with
    /// <see cref="StrategyHaltedException"/> (docs/OPERATIONS.md, "Failed cycles"). Each failure is counted and noted.
    /// </summary>
    public int MaxConsecutiveFailedCycles { get; init; } = 5;

    /// <summary>Compute and report quotes but send nothing (dry run).</summary>
    public bool DryRun { get; init; }
}
