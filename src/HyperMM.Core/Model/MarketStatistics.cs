using HyperMM.Core.Market;

namespace HyperMM.Core.Model;

/// <summary>
/// What the strategy's market view has measured, for the models: volatility, and the rate at which takers reach a
/// given distance from mid (<see cref="TradeArrival"/>).
/// </summary>
/// <param name="Sigma2HorizonBps2">Variance of the mid's log return over the volatility horizon h, bps².</param>
/// <param name="VariancePerSecondBps2">Per-second variance of the mid's log return, bps²/s.</param>
/// <param name="TradeArrival">lambda(delta) = A·exp(-kappa·delta) fitted on the recent public trades
/// (<see cref="TradeArrivalEstimator"/>; A per second per side, kappa per bps), or null until enough trades came.</param>
public readonly record struct MarketStatistics(double Sigma2HorizonBps2, double VariancePerSecondBps2, IntensityFit? TradeArrival = null);
