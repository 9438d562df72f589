using HyperMM.Core.Market;

namespace HyperMM.Core.Model;

/// <summary>
/// Everything one quote depends on besides the parameters: the touch, the position, the orders that stay on the
/// book while this quote goes out, the volatility and the fill-pressure stage.
/// </summary>
public readonly record struct QuoteInputs(
    TopOfBook Top,
    decimal Position,
    decimal RestingBidSize,
    decimal RestingAskSize,
    double Sigma2HorizonBps2,
    int PressureStage);
