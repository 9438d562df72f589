using HyperMM.Core.Market;
using HyperMM.Core.Primitives;

namespace HyperMM.LocalExchange.Market;

/// <summary>
/// What the venue remembers about public market activity: recent trades per coin (for candles and day volume),
/// the last book per coin and its best bid/offer (bbo pushes only on change). Used under the venue lock.
/// </summary>
public sealed class TradeTape
{
    private const int MaxTradesPerCoin = 200_000;
    private readonly Dictionary<Coin, List<Trade>> _trades = [];
    private readonly Dictionary<Coin, OrderBookSnapshot> _books = [];
    private readonly Dictionary<Coin, (decimal Bid, decimal BidSz, decimal Ask, decimal AskSz)> _bbo = [];

    public void Add(Trade trade)
    {
        if (!_trades.TryGetValue(trade.Coin, out var list))
        {
            list = [];
            _trades[trade.Coin] = list;
        }

        if (list.Count >= MaxTradesPerCoin)
        {
            list.RemoveRange(0, MaxTradesPerCoin / 4);
        }

        list.Add(trade);
    }

    public IReadOnlyList<Trade> Trades(Coin coin) => _trades.TryGetValue(coin, out var list) ? list : [];

    public void SetBook(OrderBookSnapshot book) => _books[book.Coin] = book;

    public OrderBookSnapshot? Book(Coin coin) => _books.GetValueOrDefault(coin);

    /// <summary>True when the top of <paramref name="book"/> differs from the last one seen (and records it).</summary>
    public bool BboChanged(OrderBookSnapshot book)
    {
        var top = book.Top;
        var now = (top.BidPrice, top.BidSize, top.AskPrice, top.AskSize);
        if (_bbo.TryGetValue(book.Coin, out var last) && last == now)
        {
            return false;
        }

        _bbo[book.Coin] = now;
        return true;
    }
}
