namespace HyperMM.Core.Strategy;

/// <summary>
/// Cycles that threw, in a row: a cycle that did its requote step resets it (one the requote clock held back leaves it
/// as it is); <see cref="Limit"/> in a row halts the strategy.
/// </summary>
public sealed class FailedCycleCounter(int limit)
{
    public int Limit => limit;

    public int InARow { get; private set; }

    public void Succeeded() => InARow = 0;

    /// <summary>Counts one; true when the run of failures reached the limit.</summary>
    public bool Failed() => ++InARow >= limit;
}
