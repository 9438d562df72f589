using HyperMM.Core.Primitives;

namespace HyperMM.Core.Market;

/// <summary>
/// A full L2 snapshot as Hyperliquid pushes it (each <c>l2Book</c> message replaces the book): bids descending,
/// asks ascending, at most 20 levels per side. <see cref="TimeMs"/> is the exchange time in Unix milliseconds.
/// </summary>
public sealed class OrderBookSnapshot
{
    public OrderBookSnapshot(Coin coin, long timeMs, BookLevel[] bids, BookLevel[] asks)
    {
        ArgumentNullException.ThrowIfNull(bids);
        ArgumentNullException.ThrowIfNull(asks);
        Coin = coin;
        TimeMs = timeMs;
        Bids = bids;
        Asks = asks;
    }

    public Coin Coin { get; }

    public long TimeMs { get; }

    public IReadOnlyList<BookLevel> Bids { get; }

    public IReadOnlyList<BookLevel> Asks { get; }

    public TopOfBook Top => new(
        Bids.Count > 0 ? Bids[0].Price : 0m,
        Bids.Count > 0 ? Bids[0].Size : 0m,
        Asks.Count > 0 ? Asks[0].Price : 0m,
        Asks.Count > 0 ? Asks[0].Size : 0m);
}
