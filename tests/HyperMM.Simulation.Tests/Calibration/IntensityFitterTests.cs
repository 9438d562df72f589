using HyperMM.Core.Market;
using HyperMM.Simulation.Calibration;

namespace HyperMM.Simulation.Tests.Calibration;

public sealed class IntensityFitterTests
{
    [Fact]
    public void Counts_halving_every_ln2_bps_give_kappa_one_and_R2_one()
    {
        // 800 orders: 400 at 0.5 bps, 200 at 1.0, 100 at 1.5 and 100 at 3·ln2 = 2.079 bps. With 4 grid points from
        // 0 to the depth the deepest 100 reach (3·ln2): d = 0, ln2, 2·ln2, 3·ln2 count 800, 400, 200, 100 orders,
        // halving every ln2 bps, so kappa = ln2 / ln2 = 1 per bps exactly and ln lambda is a straight line (R² = 1).
        // Over 100 s per side: lambda(0) = 800 / (2 × 100) = 4 per s = A.
        var depths = Enumerable.Repeat(0.5, 400).Concat(Enumerable.Repeat(1.0, 200)).Concat(Enumerable.Repeat(1.5, 100))
            .Concat(Enumerable.Repeat(3 * Math.Log(2), 100)).ToArray();
        var options = new CalibrationOptions { GridPoints = 4, MinEventsPerPoint = 100 };

        var fit = IntensityFitter.Fit(depths, 100, 0.0, options.GridPoints, options.MinEventsPerPoint)!;

        Assert.Equal(3 * Math.Log(2), fit.MaxDepthBps, 12);
        Assert.Equal(1.0, fit.KappaPerBps, 9);
        Assert.Equal(4.0, fit.APerSecond, 9);
        Assert.Equal(1.0, fit.R2, 9);
        Assert.Equal(800, fit.EventsInRange);
    }

    [Fact]
    public void Too_few_orders_beyond_the_start_gives_no_fit()
    {
        var depths = Enumerable.Repeat(0.1, 500).Concat(Enumerable.Repeat(1.0, 49)).ToArray();

        Assert.Null(IntensityFitter.Fit(depths, 100, 0.5, CalibrationOptions.Default.GridPoints, CalibrationOptions.Default.MinEventsPerPoint));
    }
}
