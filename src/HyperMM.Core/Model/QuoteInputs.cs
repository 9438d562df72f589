using HyperMM.Core.Market;

namespace HyperMM.Core.Model;

/// <summary>
/// Everything one Avellaneda-Stoikov quote depends on besides the parameters: the touch, the position, the size of
/// orders whose fate is unsettled (pending or unclear: they may be on the book and are not planned over, so they
/// count against the caps), the volatility, the fill-pressure stage and the fair value's offset from mid (bps; 0 for
/// the mid, the micro-price's G*·tick/mid with <c>fair_value: microprice</c>): the centre the reservation leans from.
/// </summary>
public readonly record struct QuoteInputs(
    TopOfBook Top,
    decimal Position,
    decimal UnsettledBidSize,
    decimal UnsettledAskSize,
    double Sigma2HorizonBps2,
    int PressureStage,
    double FairValueOffsetBps = 0.0);
