namespace HyperMM.Simulation.Calibration;

/// <summary>
/// Settings of <see cref="MarketCalibrator"/> (docs/SIMULATION.md, "Calibration").
/// </summary>
public sealed record CalibrationOptions
{
    /// <summary>Mid sampling interval for the volatility estimate (the strategy's own: 1 s).</summary>
    public double SampleIntervalSeconds { get; init; } = 1.0;

    /// <summary>Points of the depth grid the intensity curve is fitted on.</summary>
    public int GridPoints { get; init; } = 25;

    /// <summary>
    /// The deepest grid point is the deepest depth that at least this many taker events reach, so each point's
    /// log-intensity has a relative noise of at most about 1/sqrt(50) = 14 %.
    /// </summary>
    public int MinEventsPerPoint { get; init; } = 50;

    /// <summary>Settings of the micro-price table fit.</summary>
    public MicroPriceOptions MicroPrice { get; init; } = MicroPriceOptions.Default;

    public static CalibrationOptions Default { get; } = new();
}
