namespace HyperMM.Simulation.Queue;

/// <summary>How <see cref="ProbabilisticQueueModel"/> turns (front, back) into p, the probability that a decrease of the level happened behind us.</summary>
public enum QueueProbability
{
    /// <summary>p = f(back) / (f(back) + f(front)), f(x) = ln(1 + x) (hftbacktest LogProbQueueFunc).</summary>
    Log = 0,

    /// <summary>p = f(back) / (f(back) + f(front)), f(x) = x^n (hftbacktest PowerProbQueueFunc).</summary>
    Power = 1,

    /// <summary>p = 1 − (front / (front + back))^n (hftbacktest PowerProbQueueFunc3).</summary>
    FrontSharePower = 2,
}
