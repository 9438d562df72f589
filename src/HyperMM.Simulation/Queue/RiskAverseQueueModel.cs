namespace HyperMM.Simulation.Queue;

/// <summary>
/// hftbacktest's RiskAverseQueueModel: a shrinking level never moves us forward unless the level becomes smaller
/// than our queue ahead, i.e. every cancel is assumed to be behind us. ahead' = min(ahead, newSize).
/// </summary>
public sealed class RiskAverseQueueModel : IQueueModel
{
    public static RiskAverseQueueModel Instance { get; } = new();

    public decimal OnLevelChange(decimal ahead, decimal tradedSinceLastChange, decimal previousSize, decimal newSize) =>
        Math.Max(0m, Math.Min(ahead, newSize));
}
