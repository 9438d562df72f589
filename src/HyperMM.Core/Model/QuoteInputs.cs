using HyperMM.Core.Market;

namespace HyperMM.Core.Model;

/// <summary>
/// Everything one Avellaneda-Stoikov quote depends on besides the parameters: the touch, the position, the size of
/// orders whose fate is unsettled (pending or unclear: they may be on the book and are not planned over, so they
/// count against the caps), the volatility and the fill-pressure stage.
/// </summary>
public readonly record struct QuoteInputs(
    TopOfBook Top,
    decimal Position,
    decimal UnsettledBidSize,
    decimal UnsettledAskSize,
    double Sigma2HorizonBps2,
    int PressureStage);
