using HyperMM.Core.Instruments;
using HyperMM.Core.Primitives;

namespace HyperMM.Core.Model;

/// <summary>
/// One quote, as a pure function: touch, position, resting orders, volatility and pressure stage in; valid venue
/// prices and sizes out, with every intermediate value kept for display and tests. Reads no clock, does no I/O,
/// allocates nothing. docs/MODEL.md walks through each step.
/// </summary>
public static class QuoteEngine
{
    public static QuoteResult Compute(in QuoteInputs inputs, StrategyParameters parameters, InstrumentSpec instrument)
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
        var bidPx = crossSide == Side.Buy
            ? top.AskPrice
            : Math.Min(bidModel, top.AskPrice - instrument.TickAt(top.AskPrice));
        var askPx = crossSide == Side.Sell
            ? top.BidPrice
            : Math.Max(askModel, top.BidPrice + instrument.TickAt(top.BidPrice));

        // 4. Venue rounding: bids down, asks up; a collision after rounding moves the non-crossing side away.
        var bid = instrument.RoundPrice(bidPx, RoundingDirection.Down);
        var ask = instrument.RoundPrice(askPx, RoundingDirection.Up);
        if (bid >= ask)
        {
            if (crossSide == Side.Sell)
            {
                bid = instrument.RoundPrice(ask - instrument.TickAt(ask), RoundingDirection.Down);
            }
            else
            {
                ask = instrument.RoundPrice(bid + instrument.TickAt(bid), RoundingDirection.Up);
            }
        }

        // 5. Sizes: skew against inventory, then caps counting resting orders, lots and the $10 minimum.
        var bidModelSize = (double)parameters.OrderSize * SizeSkew.BidMultiplier(q, parameters.SizeSkew);
        var askModelSize = (double)parameters.OrderSize * SizeSkew.AskMultiplier(q, parameters.SizeSkew);
        var bidCapacity = PositionCaps.BidCapacity(parameters.MaxAbsPosition, inputs.Position, inputs.RestingBidSize);
        var askCapacity = PositionCaps.AskCapacity(parameters.MaxAbsPosition, inputs.Position, inputs.RestingAskSize);
        if (crossSide == Side.Buy)
        {
            bidCapacity = Math.Min(bidCapacity, -inputs.Position);
        }
        else if (crossSide == Side.Sell)
        {
            askCapacity = Math.Min(askCapacity, inputs.Position);
        }

        var (bidSize, bidStatus) = SizeSide(bidModelSize, bidCapacity, bid, instrument, allowRaise: inputs.Position <= 0m);
        var (askSize, askStatus) = SizeSide(askModelSize, askCapacity, ask, instrument, allowRaise: inputs.Position >= 0m);

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

    private static decimal Offset(decimal mid, double bps) => mid * (decimal)(1.0 + (bps / Bps.PerUnit));

    /// <summary>
    /// Size one side: min(model size, capacity) rounded down to the lot. A side worth less than the venue's minimum
    /// order value ($10 on Hyperliquid) is raised to the smallest lot multiple worth that when the capacity allows
    /// it and the side does not add to the inventory (<paramref name="allowRaise"/>: flat, or the side reduces the
    /// position); otherwise it is not quoted. So
    /// when long the bid is never raised above what the skew asked for, and the bid never outgrows the ask.
    /// </summary>
    private static (decimal Size, SideQuoteStatus Status) SizeSide(double modelSize, decimal capacity, decimal price, InstrumentSpec instrument, bool allowRaise)
    {
        var capacityLots = instrument.RoundSizeDown(capacity);
        if (capacityLots <= 0m)
        {
            return (0m, SideQuoteStatus.AtCap);
        }

        var size = instrument.RoundSizeDown(Math.Min((decimal)modelSize, capacityLots));
        if (instrument.MeetsMinNotional(price, size))
        {
            return (size, SideQuoteStatus.Quoted);
        }

        var minimum = instrument.MinimumSizeAt(price);
        return allowRaise && minimum <= capacityLots ? (minimum, SideQuoteStatus.Quoted) : (0m, SideQuoteStatus.BelowMinNotional);
    }
}
