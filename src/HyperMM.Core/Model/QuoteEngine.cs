using HyperMM.Core.Instruments;
using HyperMM.Core.Primitives;

namespace HyperMM.Core.Model;

/// <summary>
/// The Avellaneda-Stoikov quote (<see cref="AvellanedaStoikovModel"/>), as a pure function: touch, position, unsettled
/// orders, volatility and pressure stage in; valid venue prices and sizes out, with every intermediate value kept for
/// display and tests. Reads no clock, does no I/O, allocates nothing. docs/MODEL.md walks through each step.
/// </summary>
public static class QuoteEngine
{
    public static QuoteResult Compute(in QuoteInputs inputs, AvellanedaStoikovParameters parameters, InstrumentSpec instrument)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(instrument);
        var top = inputs.Top;
        var sigma2 = inputs.Sigma2HorizonBps2;
        if (!top.IsTwoSided)
        {
            return new QuoteResult(0m, sigma2, 0.0, 0.0, 0m, 0.0, 0.0, 0.0, inputs.PressureStage, VenueQuoting.NoMarket[0], VenueQuoting.NoMarket[1]);
        }

        var mid = top.Mid;
        var q = Math.Clamp((double)(inputs.Position / parameters.MaxAbsPosition), -1.0, 1.0);

        // 1. Avellaneda-Stoikov in bps of mid. The reservation offset is kept within ±max_spread_bps: a guard
        //    against a volatility estimate gone wild pushing a quote absurdly far (docs/MODEL.md, "Guards").
        //    The reservation leans from the fair value (the mid unless fair_value: microprice).
        var reservationBps = inputs.FairValueOffsetBps + Math.Clamp(
            AvellanedaStoikov.ReservationOffsetBps(q, parameters.Gamma, sigma2),
            -parameters.MaxSpreadBps,
            parameters.MaxSpreadBps);
        var rawSpread = AvellanedaStoikov.RawSpreadBps(parameters.Gamma, parameters.Kappa, sigma2);
        var clampedSpread = AvellanedaStoikov.ClampSpreadBps(rawSpread, parameters.MinSpreadBps, parameters.MaxSpreadBps);

        // 2. Fill pressure tightens the spread; from stage 1 orders are Gtc instead of post-only.
        var stage = inputs.PressureStage;
        var spread = FillPressure.SpreadBps(clampedSpread, stage, parameters.FillPressure);
        var half = spread / 2.0;
        var tif = stage > 0 ? TimeInForce.Gtc : TimeInForce.Alo;
        var crossSide = FillPressure.CrossingSide(stage, q, inputs.Position, parameters.FillPressure);

        var reservationPrice = Offset(mid, reservationBps);
        var bidModel = Offset(mid, reservationBps - half);
        var askModel = Offset(mid, reservationBps + half);

        // 3-5. Touch (a maker quote never crosses; in the last pressure stage the inventory-reducing side is placed at
        //      the opposite touch to take liquidity), venue rounding, then sizes: skew against inventory, caps counting
        //      unsettled orders, lots and the $10 minimum.
        var bidModelSize = (double)parameters.OrderSize * SizeSkew.BidMultiplier(q, parameters.SizeSkew);
        var askModelSize = (double)parameters.OrderSize * SizeSkew.AskMultiplier(q, parameters.SizeSkew);
        var (bidQuote, askQuote) = VenueQuoting.BidAndAsk(inputs, parameters.MaxAbsPosition, instrument, bidModel, askModel, bidModelSize, askModelSize, tif, crossSide);
        return new QuoteResult(mid, sigma2, q, reservationBps, reservationPrice, rawSpread, clampedSpread, spread, stage, bidQuote, askQuote);
    }

    private static decimal Offset(decimal mid, double bps) => new Bps(bps).ApplyTo(mid);
}
