namespace HyperMM.Simulation.Queue;

/// <summary>
/// Estimates how much outside size is still ahead of our resting order at its price level when the visible level
/// changes without a trade we saw (cancels, or adds behind us). Trades at our price always consume the queue ahead
/// first (see docs/SIMULATION.md). Modelled on hftbacktest's queue models.
/// </summary>
public interface IQueueModel
{
    /// <summary>
    /// New queue ahead after the level went from <paramref name="previousSize"/> to <paramref name="newSize"/>.
    /// <paramref name="tradedSinceLastChange"/> is the volume traded at this price since the previous snapshot,
    /// already taken off <paramref name="ahead"/> (so it is not counted twice).
    /// </summary>
    decimal OnLevelChange(decimal ahead, decimal tradedSinceLastChange, decimal previousSize, decimal newSize);
}
