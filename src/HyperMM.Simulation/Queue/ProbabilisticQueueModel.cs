namespace HyperMM.Simulation.Queue;

/// <summary>
/// hftbacktest's ProbQueueModel (checked against nkaz001/hftbacktest <c>backtest/models/queue.rs</c>). When a level
/// shrinks by <c>chg</c> = previous − new − volume traded at that price since the previous snapshot (trades already
/// moved us, so they are not counted twice), a share p of the decrease is assumed to have happened behind us, with
/// front = our queue ahead and back = previousSize − front:
/// <c>ahead' = min(newSize, front − (1 − p)·chg + min(back − p·chg, 0))</c>. A level that did not shrink only clamps
/// (ahead' = min(ahead, newSize)): additions join behind us. p comes from <see cref="QueueProbability"/>.
/// <para>
/// One deliberate difference: hftbacktest lets the estimate go below zero (front 9, back 1, chg 10 with x² gives
/// −0.88), which its exchange then reports as a fill. Here the estimate is floored at 0: a level change without a
/// trade is never a fill; only prints fill us (docs/SIMULATION.md §2).
/// </para>
/// </summary>
public sealed class ProbabilisticQueueModel : IQueueModel
{
    public ProbabilisticQueueModel(QueueProbability shape, double power = 2.0)
    {
        if (!(power > 0) || double.IsInfinity(power))
        {
            throw new ArgumentOutOfRangeException(nameof(power), power, "The exponent must be a positive number.");
        }

        Shape = shape;
        Power = power;
    }

    public QueueProbability Shape { get; }

    /// <summary>n of <see cref="QueueProbability.Power"/> and <see cref="QueueProbability.FrontSharePower"/> (unused by <see cref="QueueProbability.Log"/>).</summary>
    public double Power { get; }

    /// <summary>Probability that a decrease happened behind us (p in the formula); 0.5 when there is nothing on either side.</summary>
    public double ProbabilityBehind(decimal front, decimal back)
    {
        var f = (double)Math.Max(0m, front);
        var b = (double)Math.Max(0m, back);
        if (Shape == QueueProbability.FrontSharePower)
        {
            return f + b <= 0.0 ? 0.5 : 1.0 - Math.Pow(f / (f + b), Power);
        }

        var fb = Weight(b);
        var ff = Weight(f);
        var p = fb + ff <= 0.0 ? 0.5 : fb / (fb + ff);
        return double.IsFinite(p) ? p : 1.0;
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

    private double Weight(double x) => Shape == QueueProbability.Log ? Math.Log(1.0 + x) : Math.Pow(x, Power);
}
