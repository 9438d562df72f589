using HyperMM.Core.Market;
using HyperMM.Core.Primitives;

namespace HyperMM.Hyperliquid.Streaming;

/// <summary>Channel <c>bbo</c>: best bid/ask (either may be null), sent when they change on a block.</summary>
public sealed record WsBbo(Coin Coin, long TimeMs, BookLevel? Bid, BookLevel? Ask) : WsMessage
{
    public override string Channel => "bbo";

    /// <summary>The best levels of a book (null for an empty side), as a venue pushes them.</summary>
    public static WsBbo Of(OrderBookSnapshot book)
    {
        ArgumentNullException.ThrowIfNull(book);
        return new(book.Coin, book.TimeMs, book.Bids.Count > 0 ? book.Bids[0] : null, book.Asks.Count > 0 ? book.Asks[0] : null);
    }
}
