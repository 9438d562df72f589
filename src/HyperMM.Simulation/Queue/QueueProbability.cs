namespace HyperMM.Simulation.Queue;

/// <summary>Shape of f in <see cref="ProbabilisticQueueModel"/>.</summary>
public enum QueueProbability
{
    /// <summary>f(x) = ln(1 + x) (hftbacktest LogProbQueueFunc).</summary>
    Log = 0,

    /// <summary>f(x) = x^n (hftbacktest PowerProbQueueFunc).</summary>
    Power = 1,
}
