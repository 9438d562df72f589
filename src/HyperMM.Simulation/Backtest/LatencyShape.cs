namespace HyperMM.Simulation.Backtest;

/// <summary>The family of a <see cref="LatencyDistribution"/>.</summary>
public enum LatencyShape
{
    Constant = 0,
    Uniform = 1,
    LogNormal = 2,
}
