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
}
