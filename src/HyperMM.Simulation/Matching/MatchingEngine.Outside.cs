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
    /// keep their place: their queue ahead follows <see cref="MatchingEngineOptions.QueueModel"/>; an order the
    /// outside book has moved through (outside ask at or below our bid, or outside bid at or above our ask) fills at
    /// its own price as maker (see <see cref="FillThrough"/>).
    /// </summary>
    public void ApplyOutsideBook(OrderBookSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_gate)
        {
            var now = NowMs;
            FireScheduledCancels(now);
            var book = Book(snapshot.Coin);
            var previousBids = book.Outside(Side.Buy);
            var previousAsks = book.Outside(Side.Sell);
            UpdateQueues(book, Side.Buy, previousBids, snapshot.Bids);
            UpdateQueues(book, Side.Sell, previousAsks, snapshot.Asks);
            book.SetOutside(snapshot);
            FillThrough(book, Side.Buy, snapshot.Asks.Count > 0 ? snapshot.Asks[0].Price : 0m, now);
            FillThrough(book, Side.Sell, snapshot.Bids.Count > 0 ? snapshot.Bids[0].Price : 0m, now);
            PublishBook(book, now);
        }
    }

    /// <summary>
    /// A trade printed by the outside market (aggressor side as the venue reports it). It is forwarded to the sink;
    /// resting account orders on the passive side priced strictly better than the print fill completely; those at
    /// the print's price fill only with the volume left after the queue ahead of them is used up.
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
            var changed = false;
            var volumeLeft = trade.Size;
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

            foreach (var order in _through)
            {
                changed |= FillOutside(book, order, order.Remaining, now);
            }

            foreach (var order in _atPrice)
            {
                order.QueueAhead -= trade.Size;
                order.TradedSinceSnapshot += trade.Size;
                if (order.QueueAhead >= 0m)
                {
                    continue;
                }

                var quantity = book.Spec.RoundSizeDown(
                    Math.Min(Math.Min(-order.QueueAhead, order.Remaining), volumeLeft));
                order.QueueAhead = 0m;
                volumeLeft -= quantity;
                if (quantity > 0m)
                {
                    changed |= FillOutside(book, order, quantity, now);
                }
            }

            if (changed)
            {
                PublishBook(book, now);
            }
        }
    }

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

    /// <summary>
    /// After a new outside snapshot: account orders the outside's best opposite price has moved strictly through fill
    /// completely (at their own price, as maker); account orders exactly at that price fill, in time order, against the
    /// outside size resting there (that order would have traded with ours), which is consumed. So the published,
    /// merged book is never locked or crossed by an account order.
    /// </summary>
    private void FillThrough(CoinBook book, Side restingSide, decimal outsideOpposite, long now)
    {
        if (outsideOpposite == 0m)
        {
            return;
        }

        _through.Clear();
        _atPrice.Clear();
        foreach (var (price, queue) in book.Levels(restingSide))
        {
            if (restingSide == Side.Buy ? price > outsideOpposite : price < outsideOpposite)
            {
                _through.AddRange(queue);
                continue;
            }

            if (price == outsideOpposite)
            {
                _atPrice.AddRange(queue);
            }

            break;
        }

        foreach (var order in _through)
        {
            FillOutside(book, order, order.Remaining, now);
        }

        var opposite = restingSide.Opposite();
        foreach (var order in _atPrice)
        {
            var available = book.OutsideAvailableAt(opposite, outsideOpposite);
            if (available <= 0m)
            {
                break;
            }

            var before = order.Remaining;
            FillOutside(book, order, Math.Min(before, available), now);
            book.ConsumeOutside(opposite, outsideOpposite, before - order.Remaining);
        }
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
