namespace HyperMM.Core.Market;

/// <summary>
/// lambda(delta) = A · exp(-kappa · delta): the rate (per second, per side) of taker orders that reach at least
/// delta bps from the mid, fitted by <see cref="IntensityFitter"/> on a grid from <see cref="MinDepthBps"/> to
/// <see cref="MaxDepthBps"/>. <see cref="R2"/> is the weighted R² of ln lambda against delta on that grid.
/// </summary>
public sealed record IntensityFit(double APerSecond, double KappaPerBps, double R2, double MinDepthBps, double MaxDepthBps, int Points, int EventsInRange);
