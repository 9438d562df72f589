namespace HyperMM.Simulation.Queue;

/// <summary>
/// hftbacktest's ProbQueueModel. When a level shrinks by <c>chg</c> (net of trades already applied), the share of
/// the decrease that happened ahead of us is (1 − p) with p = f(back) / (f(back) + f(front)), front = our queue
/// ahead, back = previousSize − front:
/// <c>ahead' = min(newSize, front − (1 − p)·chg + min(back − p·chg, 0))</c>. A growing level only clamps
/// (ahead' = min(ahead, newSize)): additions join behind us.
/// f is <see cref="QueueProbability.Log"/> (ln(1+x)) or <see cref="QueueProbability.Power"/> (x^n).
/// </summary>
public sealed class ProbabilisticQueueModel : IQueueModel
{
    private readonly Func<double, double> _f;

    public ProbabilisticQueueModel(QueueProbability shape, double power = 2.0)
    {
        Shape = shape;
        Power = power;
        _f = shape == QueueProbability.Log ? x => Math.Log(1.0 + x) : x => Math.Pow(x, power);
    }

    public QueueProbability Shape { get; }

    public double Power { get; }

    /// <summary>Probability that a cancel happened behind us (p in the formula).</summary>
    public double ProbabilityBehind(decimal front, decimal back)
    {
        var fb = _f((double)Math.Max(0m, back));
        var ff = _f((double)Math.Max(0m, front));
        return fb + ff <= 0.0 ? 0.5 : fb / (fb + ff);
    }

    public decimal OnLevelChange(decimal ahead, decimal tradedSinceLastChange, decimal previousSize, decimal newSize)
    {
        var change = previousSize - newSize - tradedSinceLastChange;
        if (change <= 0m)
        {
            return Math.Max(0m, Math.Min(ahead, newSize));
        }

        var front = ahead;
        var back = Math.Max(0m, previousSize - front);
        var p = (decimal)ProbabilityBehind(front, back);
        var estimate = front - ((1m - p) * change) + Math.Min(back - (p * change), 0m);
        return Math.Max(0m, Math.Min(estimate, newSize));
    }
}
