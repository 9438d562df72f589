using HyperMM.Core.Market;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;

namespace HyperMM.Simulation.Matching;

/// <summary>
/// Executions: an incoming order matched against the merged book, a resting order filled by the outside market, and
/// each fill booked on the account (position, PnL, fee, volume, history) under the next trade id, the sink told.
/// </summary>
internal sealed class SimExecutions(SimAccounts accounts, SimOrders orders, MatchingEngineOptions options, IMatchingEventSink sink, long firstTradeId)
{
    private long _nextTradeId = firstTradeId;

    /// <summary>
    /// Matches an incoming order against the opposite side, best price first. At one price the outside market's
    /// visible size goes first (it was there before us), then account orders in time order. Returns filled size
    /// and notional.
    /// </summary>
    public (decimal Filled, decimal Notional) MatchIncoming(AccountLedger taker, CoinBook book, SimOrder order, long now)
    {
        var restingSide = order.Side.Opposite();
        var levels = book.Levels(restingSide);
        var outside = book.Outside(restingSide);
        var filled = 0m;
        var notional = 0m;
        var outsideIndex = 0;
        while (order.Remaining > 0m)
        {
            var size = order.Remaining;
            if (order.ReduceOnly)
            {
                size = Math.Min(size, SimAccounts.ClosableSize(taker.SizeOf(order.Coin), order.Side));
                if (size == 0m)
                {
                    break;
                }
            }

            while (outsideIndex < outside.Count && book.OutsideAvailable(restingSide, outsideIndex) == 0m)
            {
                outsideIndex++;
            }

            var outsidePrice = outsideIndex < outside.Count ? outside[outsideIndex].Price : 0m;
            var accountPrice = 0m;
            List<SimOrder>? queue = null;
            if (levels.Count > 0)
            {
                accountPrice = levels[0].Price;
                queue = levels[0].Orders;
            }

            var useOutside = outsidePrice > 0m && (queue is null || Better(restingSide, outsidePrice, accountPrice) || outsidePrice == accountPrice);
            var price = useOutside ? outsidePrice : accountPrice;
            if (price == 0m || !Crosses(order, price))
            {
                break;
            }

            decimal quantity;
            if (useOutside)
            {
                quantity = Math.Min(size, book.OutsideAvailable(restingSide, outsideIndex));
                book.ConsumeOutside(restingSide, price, quantity);
            }
            else
            {
                var maker = queue![0];
                if (maker.Account == order.Account)
                {
                    orders.RemoveResting(book, maker, OrderState.OtherTerminal, "selfTradeCanceled", now);
                    continue;
                }

                var makerLedger = accounts[maker.Account];
                quantity = Math.Min(size, maker.Remaining);
                if (maker.ReduceOnly)
                {
                    quantity = Math.Min(quantity, SimAccounts.ClosableSize(makerLedger.SizeOf(maker.Coin), maker.Side));
                    if (quantity == 0m)
                    {
                        orders.RemoveResting(book, maker, OrderState.OtherTerminal, "reduceOnlyCanceled", now);
                        continue;
                    }
                }

                var tid = _nextTradeId;
                ExecuteFill(makerLedger, book, maker, price, quantity, crossed: false, tid, now);
                if (maker.Remaining == 0m)
                {
                    orders.RemoveResting(book, maker, OrderState.Filled, "filled", now);
                }
                else if (maker.ReduceOnly && makerLedger.SizeOf(maker.Coin) == 0m)
                {
                    orders.RemoveResting(book, maker, OrderState.OtherTerminal, "reduceOnlyCanceled", now);
                }
            }

            var tradeId = _nextTradeId++;
            ExecuteFill(taker, book, order, price, quantity, crossed: true, tradeId, now);
            sink.OnTrade(new Trade(order.Coin, now, order.Side, price, quantity, tradeId));
            filled += quantity;
            notional += quantity * price;
        }

        return (filled, notional);
    }

    /// <summary>Books one side of a fill: position, PnL, fee, volume, history; tells the sink.</summary>
    private void ExecuteFill(AccountLedger ledger, CoinBook book, SimOrder order, decimal price, decimal size, bool crossed, long tradeId, long now)
    {
        var position = ledger.Position(order.Coin);
        var start = position.Size;
        var closedPnl = position.Apply(order.Side == Side.Buy ? size : -size, price);
        var notional = price * size;
        var fee = options.Fees.FeeFor(notional, crossed);
        position.FeesPaid += fee;
        ledger.CumulativeVolumeUsd += notional;
        order.Remaining -= size;
        book.LastTradePrice = price;
        var fill = new Fill(order.Coin, tradeId, order.OrderId, order.Cloid, order.Side, price, size, fee, now, crossed,
            closedPnl, start, "0x" + tradeId.ToString("x64", System.Globalization.CultureInfo.InvariantCulture));
        ledger.Fills.Add(fill);
        sink.OnFill(ledger.Address, fill);
    }

    /// <summary>Fills a resting account order as maker against the outside market; returns true when something filled.</summary>
    public bool FillOutside(CoinBook book, SimOrder order, decimal quantity, long now)
    {
        var ledger = accounts[order.Account];
        if (order.ReduceOnly)
        {
            quantity = Math.Min(quantity, SimAccounts.ClosableSize(ledger.SizeOf(order.Coin), order.Side));
        }

        if (quantity <= 0m)
        {
            if (order.ReduceOnly)
            {
                orders.RemoveResting(book, order, OrderState.OtherTerminal, "reduceOnlyCanceled", now);
                return true;
            }

            return false;
        }

        ExecuteFill(ledger, book, order, order.Price, quantity, crossed: false, _nextTradeId++, now);
        if (order.Remaining == 0m)
        {
            orders.RemoveResting(book, order, OrderState.Filled, "filled", now);
        }
        else if (order.ReduceOnly && ledger.SizeOf(order.Coin) == 0m)
        {
            orders.RemoveResting(book, order, OrderState.OtherTerminal, "reduceOnlyCanceled", now);
        }

        return true;
    }

    /// <summary>True when <paramref name="a"/> is a better resting price than <paramref name="b"/> on <paramref name="restingSide"/>.</summary>
    public static bool Better(Side restingSide, decimal a, decimal b) => restingSide == Side.Buy ? a > b : a < b;

    private static bool Crosses(SimOrder order, decimal restingPrice) =>
        order.Side == Side.Buy ? order.Price >= restingPrice : order.Price <= restingPrice;
}
