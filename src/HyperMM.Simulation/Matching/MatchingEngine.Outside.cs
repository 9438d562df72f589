using HyperMM.Core.Market;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;

namespace HyperMM.Simulation.Matching;

public sealed partial class MatchingEngine
{
    private readonly List<SimOrder> _through = [];
    private readonly List<SimOrder> _atPrice = [];

    /// <summary>
    /// A new L2 snapshot of the outside market (size that belongs to no simulated account). Resting account orders
    /// keep their place: their queue ahead follows <see cref="MatchingEngineOptions.QueueModel"/>. A snapshot never
    /// fills anything, even when the outside book has moved to or through one of our orders: only trade prints are
    /// evidence of an execution. The outside orders priced at or through our best order on the other side are moved
    /// just beyond it instead (<see cref="OutsideRepricing"/>), so the merged book is never locked or crossed by an
    /// account order (docs/SIMULATION.md §2, "Book moving through us").
    /// </summary>
    public void ApplyOutsideBook(OrderBookSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_gate)
        {
            var now = NowMs;
            FireScheduledCancels(now);
            var book = Book(snapshot.Coin);
            snapshot = OutsideRepricing.AwayFromOurs(snapshot, Best(book.Levels(Side.Buy)), Best(book.Levels(Side.Sell)), book.Spec);
            UpdateQueues(book, Side.Buy, book.Outside(Side.Buy), snapshot.Bids);
            UpdateQueues(book, Side.Sell, book.Outside(Side.Sell), snapshot.Asks);
            book.SetOutside(snapshot);
            PublishBook(book, now);
        }
    }

    /// <summary>
    /// A trade printed by the outside market (aggressor side as the venue reports it). It is forwarded to the sink,
    /// then its volume is walked through our resting orders on the passive side in price-time priority, as if they
    /// had been in the book when the taker came: orders priced strictly better than the print first (the taker met
    /// them before reaching the print's price), best price first, then orders at the print's price, each only after
    /// the outside queue still ahead of it. No order ever fills more than what is left of the print.
    /// </summary>
    public void ApplyOutsideTrade(Trade trade)
    {
        lock (_gate)
        {
            var now = NowMs;
            FireScheduledCancels(now);
            var book = Book(trade.Coin);
            book.LastTradePrice = trade.Price;
            _sink.OnTrade(trade);
            var passive = trade.AggressorSide.Opposite();
            _through.Clear();
            _atPrice.Clear();
            foreach (var (price, queue) in book.Levels(passive))
            {
                if (Better(passive, price, trade.Price))
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

            if (changed)
            {
                PublishBook(book, now);
            }
        }
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
        var changed = FillOutside(book, order, quantity, now);
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
                order.QueueAhead = Options.QueueModel.OnLevelChange(order.QueueAhead, order.TradedSinceSnapshot, before, after);
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

    /// <summary>Fills a resting account order as maker against the outside market; returns true when something filled.</summary>
    private bool FillOutside(CoinBook book, SimOrder order, decimal quantity, long now)
    {
        var ledger = _accounts[order.Account];
        if (order.ReduceOnly)
        {
            quantity = Math.Min(quantity, ClosableSize(ledger.SizeOf(order.Coin), order.Side));
        }

        if (quantity <= 0m)
        {
            if (order.ReduceOnly)
            {
                RemoveResting(book, order, OrderState.OtherTerminal, "reduceOnlyCanceled", now);
                return true;
            }

            return false;
        }

        ExecuteFill(ledger, book, order, order.Price, quantity, crossed: false, _nextTradeId++, now);
        if (order.Remaining == 0m)
        {
            RemoveResting(book, order, OrderState.Filled, "filled", now);
        }
        else if (order.ReduceOnly && ledger.SizeOf(order.Coin) == 0m)
        {
            RemoveResting(book, order, OrderState.OtherTerminal, "reduceOnlyCanceled", now);
        }

        return true;
    }
}
