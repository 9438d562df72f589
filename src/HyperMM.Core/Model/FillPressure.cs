using HyperMM.Core.Primitives;

namespace HyperMM.Core.Model;

/// <summary>The fill-pressure stage as a pure function of time since the last fill (or since the strategy could first quote).</summary>
public static class FillPressure
{
    /// <summary>
    /// 0 while <paramref name="secondsWithoutFill"/> &lt; <paramref name="targetFillSeconds"/>; then
    /// min(MaxSteps, 1 + floor((t - target) / StepSeconds)).
    /// </summary>
    public static int Stage(double secondsWithoutFill, double targetFillSeconds, FillPressureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!(secondsWithoutFill >= targetFillSeconds) || options.MaxSteps <= 0)
        {
            return 0;
        }

        var steps = 1.0 + Math.Floor((secondsWithoutFill - targetFillSeconds) / options.StepSeconds);
        return steps >= options.MaxSteps ? options.MaxSteps : (int)steps;
    }

    /// <summary>Spread at a stage: clamped × (1 - tighten)^stage, floored at MinSpreadBps, never wider than clamped.</summary>
    public static double SpreadBps(double clampedSpreadBps, int stage, FillPressureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (stage <= 0)
        {
            return clampedSpreadBps;
        }

        var tightened = clampedSpreadBps * Math.Pow(1.0 - options.TightenPerStep, stage);
        return Math.Min(clampedSpreadBps, Math.Max(options.MinSpreadBps, tightened));
    }

    /// <summary>The side that may cross at the last pressure stage: the one that reduces a large enough inventory.</summary>
    public static Side? CrossingSide(int stage, double q, decimal position, FillPressureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (stage <= 0 || stage < options.MaxSteps || position == 0m || Math.Abs(q) < options.CrossMinInventory)
        {
            return null;
        }

        return position > 0m ? Side.Sell : Side.Buy;
    }
}
