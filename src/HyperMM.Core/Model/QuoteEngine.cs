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
            var none = new SideQuote(Side.Buy, 0m, 0m, 0m, 0.0, 0m, TimeInForce.Alo, false, false, SideQuoteStatus.NoMarket);
            return new QuoteResult(0m, sigma2, 0.0, 0.0, 0m, 0.0, 0.0, 0.0, inputs.PressureStage, none, none with { Side = Side.Sell });
        }

        var mid = top.Mid;
        var q = Math.Clamp((double)(inputs.Position / parameters.MaxAbsPosition), -1.0, 1.0);

        // 1. Avellaneda-Stoikov in bps of mid. The reservation offset is kept within ±max_spread_bps: a guard
        //    against a volatility estimate gone wild pushing a quote absurdly far (docs/MODEL.md, "Guards").
        var reservationBps = Math.Clamp(
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
        var crossSide = CrossingSide(stage, q, inputs.Position, parameters.FillPressure);

        var reservationPrice = Offset(mid, reservationBps);
        var bidModel = Offset(mid, reservationBps - half);
        var askModel = Offset(mid, reservationBps + half);

        // 3. Touch: a maker quote never crosses (bid below the best ask, ask above the best bid); in the last
        //    pressure stage the inventory-reducing side is placed at the opposite touch to take liquidity.
        var bidPx = crossSide == Side.Buy ? VenueQuoting.OppositeTouch(Side.Buy, top) : VenueQuoting.BehindTouch(Side.Buy, bidModel, top, instrument);
        var askPx = crossSide == Side.Sell ? VenueQuoting.OppositeTouch(Side.Sell, top) : VenueQuoting.BehindTouch(Side.Sell, askModel, top, instrument);

        // 4. Venue rounding: bids down, asks up; a collision after rounding moves the non-crossing side away.
        var bid = VenueQuoting.Round(Side.Buy, bidPx, instrument);
        var ask = VenueQuoting.Round(Side.Sell, askPx, instrument);
        if (bid >= ask)
        {
            if (crossSide == Side.Sell)
            {
                bid = VenueQuoting.Round(Side.Buy, ask - instrument.TickAt(ask), instrument);
            }
            else
            {
                ask = VenueQuoting.Round(Side.Sell, bid + instrument.TickAt(bid), instrument);
            }
        }

        // 5. Sizes: skew against inventory, then caps counting unsettled orders, lots and the $10 minimum.
        var bidModelSize = (double)parameters.OrderSize * SizeSkew.BidMultiplier(q, parameters.SizeSkew);
        var askModelSize = (double)parameters.OrderSize * SizeSkew.AskMultiplier(q, parameters.SizeSkew);
        var bidCapacity = VenueQuoting.Capacity(Side.Buy, parameters.MaxAbsPosition, inputs.Position, inputs.UnsettledBidSize);
        var askCapacity = VenueQuoting.Capacity(Side.Sell, parameters.MaxAbsPosition, inputs.Position, inputs.UnsettledAskSize);
        if (crossSide == Side.Buy)
        {
            bidCapacity = Math.Min(bidCapacity, -inputs.Position);
        }
        else if (crossSide == Side.Sell)
        {
            askCapacity = Math.Min(askCapacity, inputs.Position);
        }

        var (bidSize, bidStatus) = VenueQuoting.Size(bidModelSize, bidCapacity, bid, instrument, VenueQuoting.DoesNotAddToInventory(Side.Buy, inputs.Position));
        var (askSize, askStatus) = VenueQuoting.Size(askModelSize, askCapacity, ask, instrument, VenueQuoting.DoesNotAddToInventory(Side.Sell, inputs.Position));

        var bidQuote = new SideQuote(Side.Buy, bidModel, bidPx, bid, bidModelSize, bidSize, tif, crossSide == Side.Buy, crossSide == Side.Buy, bidStatus);
        var askQuote = new SideQuote(Side.Sell, askModel, askPx, ask, askModelSize, askSize, tif, crossSide == Side.Sell, crossSide == Side.Sell, askStatus);
        return new QuoteResult(mid, sigma2, q, reservationBps, reservationPrice, rawSpread, clampedSpread, spread, stage, bidQuote, askQuote);
    }

    /// <summary>The side that may cross at the last pressure stage: the one that reduces a large enough inventory.</summary>
    public static Side? CrossingSide(int stage, double q, decimal position, FillPressureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (stage <= 0 || stage < options.MaxSteps || position == 0m || Math.Abs(q) < options.CrossMinInventory)
        {
            return null;
        }

        return position > 0m ? Side.Sell : Side.Buy;
    }

    private static decimal Offset(decimal mid, double bps) => new Bps(bps).ApplyTo(mid);
}
