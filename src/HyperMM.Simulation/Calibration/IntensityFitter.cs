namespace HyperMM.Simulation.Calibration;

/// <summary>
/// Fits lambda(delta) = A·exp(-kappa·delta) to taker depths (docs/SIMULATION.md, "Calibration").
/// <para>
/// The empirical intensity at depth delta is lambda(delta) = N(depth ≥ delta) / (2 · seconds): taker orders of both
/// sides that reached delta, per second of data, per side (a resting bid is only hit by sells, an ask by buys;
/// pooling the two sides and halving gives the average side's rate, the model's lambda). A is per second, kappa per
/// bps of mid.
/// </para>
/// <para>
/// Grid: <see cref="CalibrationOptions.GridPoints"/> evenly spaced depths from <c>minDepthBps</c> (the caller passes
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
    /// <summary>The fit, or null when fewer than <see cref="CalibrationOptions.MinEventsPerPoint"/> orders go deeper than <paramref name="minDepthBps"/>.</summary>
    public static IntensityFit? Fit(IReadOnlyList<double> depthsBps, double seconds, double minDepthBps, CalibrationOptions options)
    {
        ArgumentNullException.ThrowIfNull(depthsBps);
        ArgumentNullException.ThrowIfNull(options);
        if (!(seconds > 0.0) || options.GridPoints < 2 || options.MinEventsPerPoint < 1)
        {
            return null;
        }

        var sorted = depthsBps.Where(double.IsFinite).ToArray();
        Array.Sort(sorted);
        var inRange = sorted.Length - LowerBound(sorted, minDepthBps);
        if (inRange < options.MinEventsPerPoint)
        {
            return null;
        }

        var maxDepth = sorted[^options.MinEventsPerPoint];
        if (!(maxDepth > minDepthBps))
        {
            return null;
        }

        double sw = 0, sx = 0, sy = 0;
        var xs = new double[options.GridPoints];
        var ys = new double[options.GridPoints];
        var ws = new double[options.GridPoints];
        for (var k = 0; k < options.GridPoints; k++)
        {
            var delta = minDepthBps + ((maxDepth - minDepthBps) * k / (options.GridPoints - 1));
            double count = sorted.Length - LowerBound(sorted, delta);
            xs[k] = delta;
            ys[k] = Math.Log(count / (2.0 * seconds));
            ws[k] = count;
            sw += count;
            sx += count * delta;
            sy += count * ys[k];
        }

        double mx = sx / sw, my = sy / sw, sxx = 0, sxy = 0, syy = 0;
        for (var k = 0; k < options.GridPoints; k++)
        {
            sxx += ws[k] * (xs[k] - mx) * (xs[k] - mx);
            sxy += ws[k] * (xs[k] - mx) * (ys[k] - my);
            syy += ws[k] * (ys[k] - my) * (ys[k] - my);
        }

        var slope = sxy / sxx;
        var intercept = my - (slope * mx);
        var residual = 0.0;
        for (var k = 0; k < options.GridPoints; k++)
        {
            var e = ys[k] - intercept - (slope * xs[k]);
            residual += ws[k] * e * e;
        }

        var r2 = syy > 0 ? 1.0 - (residual / syy) : 1.0;
        return new IntensityFit(Math.Exp(intercept), -slope, r2, minDepthBps, maxDepth, options.GridPoints, inRange);
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
}
