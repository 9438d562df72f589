namespace HyperMM.Core.Model;

/// <summary>
/// What the strategy's market view has measured, for the models: volatility, and the rate at which takers reach a
/// given distance from mid (<see cref="TradeArrival"/>; null until the view counts trades).
/// </summary>
/// <param name="Sigma2HorizonBps2">Variance of the mid's log return over the volatility horizon h, bps².</param>
/// <param name="VariancePerSecondBps2">Per-second variance of the mid's log return, bps²/s.</param>
public readonly record struct MarketStatistics(double Sigma2HorizonBps2, double VariancePerSecondBps2);
