namespace HyperMM.Core.Market;

/// <summary>
/// Fits lambda(delta) = A·exp(-kappa·delta) to taker depths (docs/SIMULATION.md, "Calibration"): offline by
/// <c>hypermm calibrate</c>, online over a rolling window by <see cref="TradeArrivalEstimator"/>.
/// <para>
/// The empirical intensity at depth delta is lambda(delta) = N(depth ≥ delta) / (2 · seconds): taker orders of both
/// sides that reached delta, per second of data, per side (a resting bid is only hit by sells, an ask by buys;
/// pooling the two sides and halving gives the average side's rate, the model's lambda). A is per second, kappa per
/// bps of mid.
/// </para>
/// <para>
/// Grid: <c>gridPoints</c> evenly spaced depths from <c>minDepthBps</c> (the caller passes
/// the median spread: one half-spread beyond the touch, so the pile of prints exactly at the touch, which the
/// exponential does not describe, is left out) to the deepest depth reached by at least
/// <see cref="CalibrationOptions.MinEventsPerPoint"/> taker orders. Fit: weighted least squares of ln lambda on
/// delta with weights N (the variance of ln N is about 1/N for a Poisson count); R² is the weighted coefficient of
/// determination of that regression. Least squares on the log curve, rather than a maximum-likelihood exponential
/// fit of the depths, because real depth distributions have a fatter tail than the exponential: the likelihood
/// fit is pulled by a few 10 bps sweeps, the log-linear fit describes the range where quotes sit and reports how
/// straight that range is.
/// </para>
/// </summary>
public static class IntensityFitter
{
    /// <summary>The fit, or null when fewer than <paramref name="minEventsPerPoint"/> orders go deeper than <paramref name="minDepthBps"/>.</summary>
    public static IntensityFit? Fit(IReadOnlyList<double> depthsBps, double seconds, double minDepthBps, int gridPoints, int minEventsPerPoint)
    {
        ArgumentNullException.ThrowIfNull(depthsBps);
        if (!(seconds > 0.0) || gridPoints < 2 || minEventsPerPoint < 1)
        {
            return null;
        }

        var sorted = depthsBps.Where(double.IsFinite).ToArray();
        Array.Sort(sorted);
        var inRange = sorted.Length - LowerBound(sorted, minDepthBps);
        if (inRange < minEventsPerPoint)
        {
            return null;
        }

        var maxDepth = sorted[^minEventsPerPoint];
        if (!(maxDepth > minDepthBps))
        {
            return null;
        }

        double sw = 0, sx = 0, sy = 0;
        var xs = new double[gridPoints];
        var ys = new double[gridPoints];
        var ws = new double[gridPoints];
        for (var k = 0; k < gridPoints; k++)
        {
            var delta = minDepthBps + ((maxDepth - minDepthBps) * k / (gridPoints - 1));
            double count = sorted.Length - LowerBound(sorted, delta);
            xs[k] = delta;
            ys[k] = Math.Log(count / (2.0 * seconds));
            ws[k] = count;
            sw += count;
            sx += count * delta;
            sy += count * ys[k];
        }

        double mx = sx / sw, my = sy / sw, sxx = 0, sxy = 0, syy = 0;
        for (var k = 0; k < gridPoints; k++)
        {
            sxx += ws[k] * (xs[k] - mx) * (xs[k] - mx);
            sxy += ws[k] * (xs[k] - mx) * (ys[k] - my);
            syy += ws[k] * (ys[k] - my) * (ys[k] - my);
        }

        var slope = sxy / sxx;
        var intercept = my - (slope * mx);
        var residual = 0.0;
        for (var k = 0; k < gridPoints; k++)
        {
            var e = ys[k] - intercept - (slope * xs[k]);
            residual += ws[k] * e * e;
        }

        var r2 = syy > 0 ? 1.0 - (residual / syy) : 1.0;
        return new IntensityFit(Math.Exp(intercept), -slope, r2, minDepthBps, maxDepth, gridPoints, inRange);
    }

    /// <summary>Index of the first element ≥ <paramref name="value"/> in an ascending array.</summary>
    private static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Depth of a print from <paramref name="mid"/> in bps, positive away from the mid on the side it took.</summary>
    public static double Depth(Trade trade, double mid)
    {
        var offset = ((double)trade.Price - mid) / mid * Primitives.Bps.PerUnit;
        return trade.AggressorSide == Primitives.Side.Buy ? offset : -offset;
    }
}
