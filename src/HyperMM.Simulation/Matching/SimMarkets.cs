using HyperMM.Core.Instruments;
using HyperMM.Core.Primitives;

namespace HyperMM.Simulation.Matching;

/// <summary>The engine's books, one per listed perp, and the publishing of their merged snapshots to the sink.</summary>
internal sealed class SimMarkets
{
    private readonly Dictionary<Coin, CoinBook> _books = [];
    private readonly MatchingEngineOptions _options;
    private readonly IMatchingEventSink _sink;

    public SimMarkets(IEnumerable<InstrumentSpec> instruments, MatchingEngineOptions options, IMatchingEventSink sink)
    {
        _options = options;
        _sink = sink;
        foreach (var spec in instruments)
        {
            _books.Add(spec.Coin, new CoinBook(spec));
        }
    }

    public IReadOnlyList<InstrumentSpec> Instruments => [.. _books.Values.Select(b => b.Spec)];

    public bool TryGet(Coin coin, out CoinBook book) => _books.TryGetValue(coin, out book!);

    /// <summary>The book of a listed coin; an unknown coin is the caller's mistake.</summary>
    public CoinBook Get(Coin coin) =>
        _books.TryGetValue(coin, out var book) ? book : throw new ArgumentException($"Unknown coin {coin}.", nameof(coin));

    /// <summary>The book of a coin known to be listed (an order or position on it exists).</summary>
    public CoinBook this[Coin coin] => _books[coin];

    /// <summary>Tells the sink the book's new merged snapshot (when books are published at all).</summary>
    public void Publish(CoinBook book, long nowMs)
    {
        if (_options.PublishBooks)
        {
            _sink.OnBook(book.Snapshot(_options.BookDepth, nowMs));
        }
    }
}
