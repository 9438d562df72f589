using HyperMM.Core.Instruments;
using HyperMM.Core.Market;

namespace HyperMM.Simulation.Matching;

/// <summary>
/// The outside book as it would have stood next to our resting orders. A recorded (or synthetic) snapshot can show
/// outside orders priced at or through one of ours, because the real book never held ours. Had it, a post-only order
/// priced like that (the usual maker's order) would have been refused by the venue and placed again just outside
/// ours; a taker would have traded with us and left a print (which fills us elsewhere). So that volume is moved to the
/// first valid price beyond our best order: outside asks at or below our best bid go to one tick above it, outside
/// bids at or above our best ask to one tick below it. Nothing fills, and the merged book is never locked or crossed
/// by an account order (docs/SIMULATION.md §2).
/// </summary>
internal static class OutsideRepricing
{
    /// <summary><paramref name="snapshot"/> itself when nothing crosses our best bid or ask (0 = none), else a repriced copy.</summary>
    public static OrderBookSnapshot AwayFromOurs(OrderBookSnapshot snapshot, decimal ourBestBid, decimal ourBestAsk, InstrumentSpec spec)
    {
        var asks = ourBestBid > 0m && snapshot.Asks.Count > 0 && snapshot.Asks[0].Price <= ourBestBid
            ? Move(snapshot.Asks, NextAbove(ourBestBid, spec), crosses: p => p <= ourBestBid)
            : null;
        var bids = ourBestAsk > 0m && snapshot.Bids.Count > 0 && snapshot.Bids[0].Price >= ourBestAsk
            ? Move(snapshot.Bids, NextBelow(ourBestAsk, spec), crosses: p => p >= ourBestAsk)
            : null;
        return asks is null && bids is null
            ? snapshot
            : new OrderBookSnapshot(snapshot.Coin, snapshot.TimeMs, bids ?? [.. snapshot.Bids], asks ?? [.. snapshot.Asks]);
    }

    /// <summary>The levels with every crossing level's size gathered at <paramref name="to"/> (added to a level already there).</summary>
    private static BookLevel[] Move(IReadOnlyList<BookLevel> levels, decimal to, Func<decimal, bool> crosses)
    {
        var moved = 0m;
        var orders = 0;
        var rest = new List<BookLevel>(levels.Count);
        foreach (var level in levels)
        {
            if (crosses(level.Price))
            {
                moved += level.Size;
                orders += level.Orders;
            }
            else if (level.Price == to)
            {
                moved += level.Size;
                orders += level.Orders;
            }
            else
            {
                rest.Add(level);
            }
        }

        return [new BookLevel(to, moved, orders), .. rest];
    }

    /// <summary>The first valid venue price strictly above <paramref name="price"/> (ticks never get finer upwards).</summary>
    private static decimal NextAbove(decimal price, InstrumentSpec spec) => spec.RoundPrice(price + spec.TickAt(price), RoundingDirection.Up);

    /// <summary>The first valid venue price strictly below <paramref name="price"/>, with the tick that applies just below it.</summary>
    private static decimal NextBelow(decimal price, InstrumentSpec spec) =>
        spec.RoundPrice(price - spec.TickAt(price - spec.TickAt(price)), RoundingDirection.Down);
}
