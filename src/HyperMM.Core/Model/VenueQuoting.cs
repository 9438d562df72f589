using HyperMM.Core.Instruments;
using HyperMM.Core.Market;
using HyperMM.Core.Primitives;

namespace HyperMM.Core.Model;

/// <summary>
/// The steps every model takes from a model price and size to a venue order (docs/MODEL.md §5, §7, §8): keep a maker
/// price off the opposite touch, round to the instrument (bids down, asks up), cap the size by the position cap
/// counting unsettled orders, round it to the lot, and apply the venue's minimum order value. Pure.
/// </summary>
public static class VenueQuoting
{
    /// <summary>A maker price kept one tick behind the opposite touch: bid ≤ best ask − tick, ask ≥ best bid + tick.</summary>
    public static decimal BehindTouch(Side side, decimal modelPrice, TopOfBook top, InstrumentSpec instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return side == Side.Buy
            ? Math.Min(modelPrice, top.AskPrice - instrument.TickAt(top.AskPrice))
            : Math.Max(modelPrice, top.BidPrice + instrument.TickAt(top.BidPrice));
    }

    /// <summary>The opposite touch: where an order that takes liquidity is priced (a buy at the best ask, a sell at the best bid).</summary>
    public static decimal OppositeTouch(Side side, TopOfBook top) => side == Side.Buy ? top.AskPrice : top.BidPrice;

    /// <summary>A venue price: bids rounded down, asks up, so rounding never narrows the spread.</summary>
    public static decimal Round(Side side, decimal price, InstrumentSpec instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return instrument.RoundPrice(price, side == Side.Buy ? RoundingDirection.Down : RoundingDirection.Up);
    }

    /// <summary>How much more this side may add: the position cap counting the side's orders that may already be on the book.</summary>
    public static decimal Capacity(Side side, decimal maxAbsPosition, decimal position, decimal openOnSide) =>
        side == Side.Buy
            ? PositionCaps.BidCapacity(maxAbsPosition, position, openOnSide)
            : PositionCaps.AskCapacity(maxAbsPosition, position, openOnSide);

    /// <summary>True when an order on <paramref name="side"/> does not add to the inventory (flat, or it reduces the position).</summary>
    public static bool DoesNotAddToInventory(Side side, decimal position) => side == Side.Buy ? position <= 0m : position >= 0m;

    /// <summary>
    /// Size one order: min(model size, capacity) rounded down to the lot. An order worth less than the venue's minimum
    /// order value ($10 on Hyperliquid) is raised to the smallest lot multiple worth that when the capacity allows it and
    /// <paramref name="allowRaise"/> (the order does not add to the inventory); otherwise it is not quoted. So when long
    /// the bid is never raised above what the model asked for.
    /// </summary>
    public static (decimal Size, SideQuoteStatus Status) Size(double modelSize, decimal capacity, decimal price, InstrumentSpec instrument, bool allowRaise)
    {
        ArgumentNullException.ThrowIfNull(instrument);
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

    /// <summary>Neither side quoted: the book has no two-sided market.</summary>
    public static IReadOnlyList<SideQuote> NoMarket { get; } =
    [
        new SideQuote(Side.Buy, 0m, 0m, 0m, 0.0, 0m, TimeInForce.Alo, false, false, SideQuoteStatus.NoMarket),
        new SideQuote(Side.Sell, 0m, 0m, 0m, 0.0, 0m, TimeInForce.Alo, false, false, SideQuoteStatus.NoMarket),
    ];

    /// <summary>
    /// One bid and one ask from model prices and sizes, the steps every one-bid-one-ask model shares (docs/MODEL.md §5,
    /// §7, §8): each price kept one tick behind the opposite touch, except <paramref name="crossSide"/>'s, placed at
    /// the opposite touch reduce-only and sized at most the position; rounded (bids down, asks up), a collision after
    /// rounding moving the non-crossing side one tick away; each size within the cap counting unsettled orders, to the
    /// lot and the venue minimum.
    /// </summary>
    public static (SideQuote Bid, SideQuote Ask) BidAndAsk(
        in QuoteInputs inputs, decimal maxAbsPosition, InstrumentSpec instrument,
        decimal bidModel, decimal askModel, double bidModelSize, double askModelSize, TimeInForce tif, Side? crossSide)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var top = inputs.Top;
        var bidPx = crossSide == Side.Buy ? OppositeTouch(Side.Buy, top) : BehindTouch(Side.Buy, bidModel, top, instrument);
        var askPx = crossSide == Side.Sell ? OppositeTouch(Side.Sell, top) : BehindTouch(Side.Sell, askModel, top, instrument);

        var bid = Round(Side.Buy, bidPx, instrument);
        var ask = Round(Side.Sell, askPx, instrument);
        if (bid >= ask)
        {
            if (crossSide == Side.Sell)
            {
                bid = Round(Side.Buy, ask - instrument.TickAt(ask), instrument);
            }
            else
            {
                ask = Round(Side.Sell, bid + instrument.TickAt(bid), instrument);
            }
        }

        var bidCapacity = Capacity(Side.Buy, maxAbsPosition, inputs.Position, inputs.UnsettledBidSize);
        var askCapacity = Capacity(Side.Sell, maxAbsPosition, inputs.Position, inputs.UnsettledAskSize);
        if (crossSide == Side.Buy)
        {
            bidCapacity = Math.Min(bidCapacity, -inputs.Position);
        }
        else if (crossSide == Side.Sell)
        {
            askCapacity = Math.Min(askCapacity, inputs.Position);
        }

        var (bidSize, bidStatus) = Size(bidModelSize, bidCapacity, bid, instrument, DoesNotAddToInventory(Side.Buy, inputs.Position));
        var (askSize, askStatus) = Size(askModelSize, askCapacity, ask, instrument, DoesNotAddToInventory(Side.Sell, inputs.Position));
        return (
            new SideQuote(Side.Buy, bidModel, bidPx, bid, bidModelSize, bidSize, tif, crossSide == Side.Buy, crossSide == Side.Buy, bidStatus),
            new SideQuote(Side.Sell, askModel, askPx, ask, askModelSize, askSize, tif, crossSide == Side.Sell, crossSide == Side.Sell, askStatus));
    }
}
