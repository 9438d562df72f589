using HyperMM.Core.Market;

namespace HyperMM.Simulation.Market;

/// <summary>One outside-market event: an L2 snapshot or a trade print, stamped with the time it happened (ms).</summary>
public readonly record struct MarketEvent(long TimeMs, MarketEventKind Kind, OrderBookSnapshot? Book, Trade Trade)
{
    public static MarketEvent OfBook(OrderBookSnapshot book)
    {
        ArgumentNullException.ThrowIfNull(book);
        return new(book.TimeMs, MarketEventKind.Book, book, default);
    }

    public static MarketEvent OfTrade(Trade trade) => new(trade.TimeMs, MarketEventKind.Trade, null, trade);

    public Core.Primitives.Coin Coin => Kind == MarketEventKind.Book ? Book!.Coin : Trade.Coin;
}
