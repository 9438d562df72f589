using HyperMM.Core.Market;

namespace HyperMM.Core.Model;

/// <summary>
/// What the strategy's market view has measured, for the models: volatility, and the rate at which takers reach a
/// given distance from mid (<see cref="TradeArrival"/>).
/// </summary>
/// <param name="Sigma2HorizonBps2">Variance of the mid's log return over the volatility horizon h, bps².</param>
/// <param name="VariancePerSecondBps2">Per-second variance of the mid's log return, bps²/s.</param>
public readonly record struct MarketStatistics(double Sigma2HorizonBps2, double VariancePerSecondBps2)
{
    private readonly IntensityFit? _tradeArrival;
    private readonly TradeArrivalEstimator? _estimator;

    /// <summary>Statistics with a given trade-arrival fit (tables, tests).</summary>
    public MarketStatistics(double sigma2HorizonBps2, double variancePerSecondBps2, IntensityFit? tradeArrival)
        : this(sigma2HorizonBps2, variancePerSecondBps2) => _tradeArrival = tradeArrival;

    /// <summary>Statistics whose trade-arrival fit comes from <paramref name="estimator"/> when a model reads it.</summary>
    public MarketStatistics(double sigma2HorizonBps2, double variancePerSecondBps2, TradeArrivalEstimator estimator)
        : this(sigma2HorizonBps2, variancePerSecondBps2) => _estimator = estimator;

    /// <summary>
    /// lambda(delta) = A·exp(-kappa·delta) fitted on the recent public trades (<see cref="TradeArrivalEstimator"/>; A
    /// per second per side, kappa per bps), or null until enough trades came. Fitted on first read (at most once per
    /// the estimator's refit interval): a model that never reads it costs nothing.
    /// </summary>
    public IntensityFit? TradeArrival => _estimator is null ? _tradeArrival : _estimator.Fit();
}
