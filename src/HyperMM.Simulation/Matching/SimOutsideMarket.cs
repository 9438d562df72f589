using HyperMM.Core.Market;
using HyperMM.Core.Primitives;

namespace HyperMM.Simulation.Matching;

/// <summary>
/// The outside market (size that belongs to no simulated account) meeting our resting orders: its L2 snapshots move
/// the queue ahead of them (<see cref="MatchingEngineOptions.QueueModel"/>) and never fill anything; its trade
/// prints are walked through our orders on the passive side in price-time priority. See
/// <see cref="MatchingEngine.ApplyOutsideBook"/> and <see cref="MatchingEngine.ApplyOutsideTrade"/>.
/// </summary>
internal sealed class SimOutsideMarket(SimExecutions executions, MatchingEngineOptions options, IMatchingEventSink sink)
{
    private readonly List<SimOrder> _through = [];
    private readonly List<SimOrder> _atPrice = [];

    /// <summary>Takes a new outside snapshot: repriced away from our best orders, queues ahead updated, then stored.</summary>
    public void ApplyBook(CoinBook book, OrderBookSnapshot snapshot)
    {
        snapshot = OutsideRepricing.AwayFromOurs(snapshot, Best(book.Levels(Side.Buy)), Best(book.Levels(Side.Sell)), book.Spec);
        UpdateQueues(book, Side.Buy, book.Outside(Side.Buy), snapshot.Bids);
        UpdateQueues(book, Side.Sell, book.Outside(Side.Sell), snapshot.Asks);
        book.SetOutside(snapshot);
    }

    /// <summary>Forwards a print to the sink and fills our passive orders from its volume; true when any order changed.</summary>
    public bool ApplyTrade(CoinBook book, Trade trade, long now)
    {
        book.LastTradePrice = trade.Price;
        sink.OnTrade(trade);
        var passive = trade.AggressorSide.Opposite();
        _through.Clear();
        _atPrice.Clear();
        foreach (var (price, queue) in book.Levels(passive))
        {
            if (SimExecutions.Better(passive, price, trade.Price))
            {
                _through.AddRange(queue);
                continue;
            }

            if (price == trade.Price)
            {
                _atPrice.AddRange(queue);
            }

            break;
        }

        var volumeLeft = trade.Size;
        var changed = false;
        foreach (var order in _through)
        {
            // The taker went past this order's price: whatever was ahead of it there is gone.
            order.QueueAhead = 0m;
            changed |= FillFromPrint(book, order, ref volumeLeft, now);
        }

        // Outside volume this print used up at its own price, ahead of our orders there. The queue ahead of a
        // later order includes what was ahead of an earlier one, so it is not counted twice.
        var outsideTaken = 0m;
        foreach (var order in _atPrice)
        {
            order.TradedSinceSnapshot += trade.Size;
            var stillAhead = Math.Max(0m, order.QueueAhead - outsideTaken);
            var eaten = Math.Min(volumeLeft, stillAhead);
            volumeLeft -= eaten;
            outsideTaken += eaten;
            order.QueueAhead = Math.Max(0m, order.QueueAhead - outsideTaken);
            if (order.QueueAhead == 0m)
            {
                changed |= FillFromPrint(book, order, ref volumeLeft, now);
            }
        }

        return changed;
    }

    /// <summary>Fills <paramref name="order"/> with what is left of a print (rounded down to the lot) and takes it off <paramref name="volumeLeft"/>.</summary>
    private bool FillFromPrint(CoinBook book, SimOrder order, ref decimal volumeLeft, long now)
    {
        var quantity = book.Spec.RoundSizeDown(Math.Min(order.Remaining, volumeLeft));
        if (quantity <= 0m)
        {
            return false;
        }

        var before = order.Remaining;
        var changed = executions.FillOutside(book, order, quantity, now);
        volumeLeft -= before - order.Remaining;
        return changed;
    }

    private static decimal Best(List<PriceLevel> ours) => ours.Count > 0 ? ours[0].Price : 0m;

    private void UpdateQueues(CoinBook book, Side side, IReadOnlyList<BookLevel> previous, IReadOnlyList<BookLevel> next)
    {
        foreach (var (price, queue) in book.Levels(side))
        {
            var before = SizeAt(previous, price);
            var after = SizeAt(next, price);
            foreach (var order in queue)
            {
                order.QueueAhead = options.QueueModel.OnLevelChange(order.QueueAhead, order.TradedSinceSnapshot, before, after);
                order.TradedSinceSnapshot = 0m;
            }
        }
    }

    private static decimal SizeAt(IReadOnlyList<BookLevel> levels, decimal price)
    {
        for (var i = 0; i < levels.Count; i++)
        {
            if (levels[i].Price == price)
            {
                return levels[i].Size;
            }
        }

        return 0m;
    }
}
