using HyperMM.Core.Model;

namespace HyperMM.Core.Tests.Model;

public class FillPressureTests
{
    private static readonly FillPressureOptions Defaults = FillPressureOptions.Default;

    [Theory]
    [InlineData(0, 0)]
    [InlineData(29.9, 0)]   // before the 30 s target: normal quoting
    [InlineData(30, 1)]     // stage 1 at the target
    [InlineData(39.9, 1)]
    [InlineData(40, 2)]     // one more stage every 10 s
    [InlineData(50, 3)]
    [InlineData(500, 3)]    // capped at MaxSteps
    public void Stage_FollowsTheSchedule(double secondsWithoutFill, int expected) =>
        Assert.Equal(expected, FillPressure.Stage(secondsWithoutFill, 30, Defaults));

    [Fact]
    public void Stage_DisabledWhenMaxStepsIsZero() =>
        Assert.Equal(0, FillPressure.Stage(1_000, 30, Defaults with { MaxSteps = 0 }));

    [Theory]
    [InlineData(8.0, 0, 8.0)]
    [InlineData(8.0, 1, 6.0)]       // × 0.75
    [InlineData(8.0, 2, 4.5)]       // × 0.5625
    [InlineData(8.0, 3, 3.375)]     // × 0.421875
    [InlineData(2.0, 3, 1.0)]       // floored at the 1 bps pressure minimum
    [InlineData(0.5, 2, 0.5)]       // never wider than the normal spread
    public void SpreadBps_TightensGeometricallyWithinBounds(double clamped, int stage, double expected) =>
        Assert.Equal(expected, FillPressure.SpreadBps(clamped, stage, Defaults), 9);
}
