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

        // One pass, no sort (the online estimator refits a window of up to ~10^5 depths on the loop's thread): the
        // count in range, the minEventsPerPoint-th deepest depth (a min-heap of that many), then a histogram over
        // the grid. The counts are exactly those of sorting and counting depths >= each grid depth.
        var inRange = 0;
        var deepest = new PriorityQueue<double, double>(minEventsPerPoint + 1);
        foreach (var depth in depthsBps)
        {
            if (!double.IsFinite(depth) || !(depth >= minDepthBps))
            {
                continue;
            }

            inRange++;
            if (deepest.Count < minEventsPerPoint)
            {
                deepest.Enqueue(depth, depth);
            }
            else if (depth > deepest.Peek())
            {
                deepest.EnqueueDequeue(depth, depth);
            }
        }

        if (inRange < minEventsPerPoint)
        {
            return null;
        }

        var maxDepth = deepest.Peek();
        if (!(maxDepth > minDepthBps))
        {
            return null;
        }

        var xs = new double[gridPoints];
        for (var k = 0; k < gridPoints; k++)
        {
            xs[k] = minDepthBps + ((maxDepth - minDepthBps) * k / (gridPoints - 1));
        }

        // reached[k]: depths whose deepest grid point at or below them is k; N(depth >= xs[k]) is its suffix sum.
        var reached = new long[gridPoints];
        var step = (maxDepth - minDepthBps) / (gridPoints - 1);
        foreach (var depth in depthsBps)
        {
            if (!double.IsFinite(depth) || !(depth >= minDepthBps))
            {
                continue;
            }

            var k = (int)Math.Clamp(Math.Floor((depth - minDepthBps) / step), 0, gridPoints - 1);
            while (k + 1 < gridPoints && xs[k + 1] <= depth)
            {
                k++;
            }

            while (k > 0 && xs[k] > depth)
            {
                k--;
            }

            reached[k]++;
        }

        double sw = 0, sx = 0, sy = 0;
        var ys = new double[gridPoints];
        var ws = new double[gridPoints];
        var atOrBeyond = 0L;
        for (var k = gridPoints - 1; k >= 0; k--)
        {
            atOrBeyond += reached[k];
            double count = atOrBeyond;
            var delta = xs[k];
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

    /// <summary>Depth of a print from <paramref name="mid"/> in bps, positive away from the mid on the side it took.</summary>
    public static double Depth(Trade trade, double mid)
    {
        var offset = ((double)trade.Price - mid) / mid * Primitives.Bps.PerUnit;
        return trade.AggressorSide == Primitives.Side.Buy ? offset : -offset;
    }
}
