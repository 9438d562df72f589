using System.Text.Json;
using HyperMM.Core.Instruments;
using HyperMM.Core.Market;
using HyperMM.Core.Primitives;

namespace HyperMM.Simulation.Market;

/// <summary>
/// Rebuilds market events from a capture of Binance USDⓈ-M futures combined streams (hftbacktest's collector:
/// <c>&lt;sym&gt;@depth@0ms</c> diffs, <c>&lt;sym&gt;@trade</c>, <c>&lt;sym&gt;@bookTicker</c>, plus one REST depth snapshot
/// line), the fallback data of ../shared/data/SOURCES.md §6. It is a proxy market, read as if it were the
/// Hyperliquid perp of the same base coin: <c>ETHUSDT</c> becomes coin <c>ETH</c>, and for a coin Hyperliquid lists
/// (<see cref="HyperliquidPerpCatalog"/>) the book is put on Hyperliquid's price grid. Binance's tick is finer (0.01
/// for ETHUSDT; Hyperliquid's ETH grid is 0.1 near 2,700): left as it is, a quote on Hyperliquid's grid would find
/// no size at its price and be first in the queue, an optimistic fill. Each level moves to the nearest valid price on
/// its passive side (bids down, asks up, as a resting order would be priced) and levels on one price merge; the book
/// keeps the best <see cref="Depth"/> merged levels, built from the whole rebuilt book, so the last one is complete.
/// Trades keep their price: a print at 2,681.63 reaches an ask at 2,681.6 and not one at 2,681.7, as it did.
/// <list type="bullet">
/// <item>Books: the snapshot (<c>lastUpdateId</c>) is applied with Binance's rules: diffs ending before it are dropped,
/// the first one applied must span it (<c>U ≤ lastUpdateId ≤ u</c>), each next one must follow the previous
/// (<c>pu</c> = previous <c>u</c>); a size of zero removes the level. After each applied diff the top
/// <see cref="Depth"/> levels per side are one book event. Diffs before the snapshot line are kept and applied
/// when it comes (one book at the snapshot's time). A break in the sequence cannot be repaired without a second
/// snapshot, so it is an error naming the line, not a silently wrong book.</item>
/// <item>Trades: <c>X = MARKET</c> prints only (insurance-fund and ADL prints are not the market's flow); the
/// aggressor is the seller when the buyer is the maker (<c>m = true</c>).</item>
/// <item>Every event carries the collector's receive time: Binance's own times run on another clock (about 1.2 s
/// ahead of the receive clock in the shared files), and one clock keeps books and trades in the order they arrived.</item>
/// <item><c>bookTicker</c> is ignored: it is the same book's top at a higher rate, and mixing top-only updates into the
/// depth book would make books that no single depth state had. Other streams (aggTrade, markPrice, ...) are ignored
/// too; a partial-book stream (<c>@depth5/10/20</c>) is an error, since its messages are not diffs.</item>
/// </list>
/// </summary>
public sealed class BinanceFuturesCapture
{
    /// <summary>Levels per side in each book event (Hyperliquid's l2Book sends 20).</summary>
    public const int Depth = 20;

    private static readonly string[] QuoteAssets = ["USDT", "USDC", "BUSD"];

    private readonly Dictionary<string, SymbolBook> _books = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _symbols = new(StringComparer.Ordinal);
    private DepthSnapshot? _unmatched;

    /// <summary>The symbols whose books or trades were read, in name order.</summary>
    public IReadOnlyCollection<string> Symbols => _symbols;

    /// <summary>What a run on these symbols should tell its user: that the market is a proxy and how it is read (null when none was read).</summary>
    public string? ProxyNote => _symbols.Count == 0
        ? null
        : $"{string.Join(", ", _symbols.Select(s => $"{s} (Binance USDⓈ-M futures) is read as {CoinOf(s)}"))}: a proxy market, its book put on Hyperliquid's price grid; fees, tick and sizes are Hyperliquid's (docs/SIMULATION.md §4)";

    /// <summary>True when <paramref name="message"/> is a combined-stream push or a REST depth snapshot.</summary>
    public static bool Recognises(JsonElement message) =>
        message.ValueKind == JsonValueKind.Object
        && (message.TryGetProperty("lastUpdateId", out _) || (message.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.String));

    /// <summary>The coin a Binance symbol stands for: the symbol without its quote asset (<c>ETHUSDT</c> → <c>ETH</c>).</summary>
    public static Coin CoinOf(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        var upper = symbol.ToUpperInvariant();
        foreach (var quote in QuoteAssets)
        {
            if (upper.Length > quote.Length && upper.EndsWith(quote, StringComparison.Ordinal))
            {
                return new Coin(upper[..^quote.Length]);
            }
        }

        throw new FormatException($"symbol '{symbol}' does not end in a known quote asset ({string.Join(", ", QuoteAssets)})");
    }

    /// <summary>Adds the events one message causes to <paramref name="into"/>; a malformed or out-of-sequence message raises <see cref="FormatException"/>.</summary>
    public void Add(JsonElement message, long receivedMs, List<MarketEvent> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        if (message.TryGetProperty("lastUpdateId", out var lastUpdateId))
        {
            Snapshot(message, WsMessageParser.WholeNumber(lastUpdateId, "snapshot lastUpdateId"), receivedMs, into);
            return;
        }

        var stream = message.GetProperty("stream").GetString()!;
        var data = WsMessageParser.Property(message, "data", "the stream message");
        var at = stream.IndexOf('@', StringComparison.Ordinal);
        var kind = at < 0 ? stream : stream[(at + 1)..];
        if (kind.StartsWith("depth", StringComparison.Ordinal))
        {
            if (kind.Length > "depth".Length && char.IsAsciiDigit(kind["depth".Length]))
            {
                // <sym>@depth5/10/20: each message is the top N levels, not a diff; applying it as one would keep stale levels.
                throw new FormatException($"stream '{stream}' is a partial book (top levels only), not the diff stream the book is rebuilt from: record <symbol>@depth@0ms (or @depth@100ms) instead");
            }

            Diff(data, receivedMs, into);
        }
        else if (kind == "trade")
        {
            Trade(data, receivedMs, into);
        }
    }

    private void Snapshot(JsonElement message, long lastUpdateId, long receivedMs, List<MarketEvent> into)
    {
        var snapshot = DepthSnapshot.Parse(message, lastUpdateId);

        // The REST snapshot names no symbol: it belongs to the one symbol whose depth stream is waiting for it, or,
        // when none has started yet, to the first one that does.
        var waiting = _books.Values.Where(b => b.LastUpdateId is null).ToList();
        if (waiting.Count > 1)
        {
            throw new FormatException($"a depth snapshot cannot be matched to one symbol: {string.Join(", ", waiting.Select(b => b.Symbol))} all wait for one");
        }

        if (waiting.Count == 0)
        {
            _unmatched = _unmatched is null
                ? snapshot
                : throw new FormatException("a second depth snapshot comes before any depth stream it could belong to");
            return;
        }

        var book = waiting[0];
        book.Load(snapshot);
        foreach (var diff in book.TakePending())
        {
            book.Apply(diff);
        }

        if (book.Synced)
        {
            into.Add(book.Event(receivedMs));
        }
    }

    private void Diff(JsonElement data, long receivedMs, List<MarketEvent> into)
    {
        var symbol = WsMessageParser.Text(WsMessageParser.Property(data, "s", "depth update"), "depth update symbol");
        _symbols.Add(symbol);
        if (!_books.TryGetValue(symbol, out var book))
        {
            book = new SymbolBook(symbol, CoinOf(symbol));
            _books.Add(symbol, book);
            if (_unmatched is { } snapshot)
            {
                book.Load(snapshot);
                _unmatched = null;
            }
        }

        var diff = DepthDiff.Parse(data);
        if (book.LastUpdateId is null)
        {
            book.Keep(diff);
            return;
        }

        if (book.Apply(diff))
        {
            into.Add(book.Event(receivedMs));
        }
    }

    private void Trade(JsonElement data, long receivedMs, List<MarketEvent> into)
    {
        if (data.TryGetProperty("X", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() != "MARKET")
        {
            return;
        }

        var symbol = WsMessageParser.Text(WsMessageParser.Property(data, "s", "trade"), "trade symbol");
        _symbols.Add(symbol);
        var buyerIsMaker = WsMessageParser.Property(data, "m", "trade");
        if (buyerIsMaker.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw new FormatException($"trade m {buyerIsMaker.GetRawText()} is not true or false");
        }

        var trade = new Trade(
            CoinOf(symbol),
            receivedMs,
            buyerIsMaker.GetBoolean() ? Side.Sell : Side.Buy,
            WsMessageParser.Number(WsMessageParser.Property(data, "p", "trade"), "trade p"),
            WsMessageParser.Number(WsMessageParser.Property(data, "q", "trade"), "trade q"),
            data.TryGetProperty("t", out var id) ? WsMessageParser.WholeNumber(id, "trade t") : 0);
        if (MarketDataRules.CheckTrade(trade) is { } bad)
        {
            throw new FormatException(bad);
        }

        into.Add(MarketEvent.OfTrade(trade));
    }

    private static (decimal Price, decimal Size)[] Levels(JsonElement owner, string name, string where)
    {
        var side = WsMessageParser.Property(owner, name, where);
        if (side.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"{where} {name} is not an array");
        }

        var levels = new (decimal, decimal)[side.GetArrayLength()];
        var i = 0;
        foreach (var level in side.EnumerateArray())
        {
            if (level.ValueKind != JsonValueKind.Array || level.GetArrayLength() != 2)
            {
                throw new FormatException($"{where} {name}[{i}] is not a [price, size] pair");
            }

            var price = WsMessageParser.Number(level[0], $"{where} {name}[{i}] price");
            var size = WsMessageParser.Number(level[1], $"{where} {name}[{i}] size");
            if (price <= 0m || size < 0m)
            {
                throw new FormatException(FormattableString.Invariant($"{where} {name}[{i}] has price {price} and size {size} (a price above zero and a size of zero or more are needed)"));
            }

            levels[i++] = (price, size);
        }

        return levels;
    }

    private sealed record DepthDiff(long First, long Last, long PreviousLast, (decimal Price, decimal Size)[] Bids, (decimal Price, decimal Size)[] Asks)
    {
        public static DepthDiff Parse(JsonElement data) => new(
            WsMessageParser.WholeNumber(WsMessageParser.Property(data, "U", "depth update"), "depth update U"),
            WsMessageParser.WholeNumber(WsMessageParser.Property(data, "u", "depth update"), "depth update u"),
            data.TryGetProperty("pu", out var pu) ? WsMessageParser.WholeNumber(pu, "depth update pu") : -1,
            Levels(data, "b", "depth update"),
            Levels(data, "a", "depth update"));
    }

    private sealed record DepthSnapshot(long LastUpdateId, (decimal Price, decimal Size)[] Bids, (decimal Price, decimal Size)[] Asks)
    {
        public static DepthSnapshot Parse(JsonElement message, long lastUpdateId) =>
            new(lastUpdateId, Levels(message, "bids", "depth snapshot"), Levels(message, "asks", "depth snapshot"));
    }

    private sealed class SymbolBook(string symbol, Coin coin)
    {
        private readonly SortedDictionary<decimal, decimal> _bids = new(Comparer<decimal>.Create((a, b) => b.CompareTo(a)));
        private readonly SortedDictionary<decimal, decimal> _asks = new();
        private readonly InstrumentSpec? _grid = HyperliquidPerpCatalog.TryGet(coin, out var spec) ? spec : null;
        private List<DepthDiff> _pending = [];
        private long? _previousLast;

        public string Symbol { get; } = symbol;

        /// <summary>The snapshot's update id, null until the snapshot line is read.</summary>
        public long? LastUpdateId { get; private set; }

        /// <summary>True once a diff spanning the snapshot has been applied.</summary>
        public bool Synced => _previousLast is not null;

        public void Keep(DepthDiff diff) => _pending.Add(diff);

        public List<DepthDiff> TakePending()
        {
            var pending = _pending;
            _pending = [];
            return pending;
        }

        public void Load(DepthSnapshot snapshot)
        {
            LastUpdateId = snapshot.LastUpdateId;
            foreach (var (price, size) in snapshot.Bids)
            {
                Set(_bids, price, size);
            }

            foreach (var (price, size) in snapshot.Asks)
            {
                Set(_asks, price, size);
            }
        }

        /// <summary>Applies a diff if it is the next one; false when it ends before the snapshot (dropped).</summary>
        public bool Apply(DepthDiff diff)
        {
            if (_previousLast is null)
            {
                if (diff.Last < LastUpdateId)
                {
                    return false;
                }

                if (diff.First > LastUpdateId)
                {
                    throw new FormatException(FormattableString.Invariant(
                        $"{Symbol} depth update U={diff.First} starts after the snapshot's lastUpdateId={LastUpdateId}: the updates in between are missing, so the book cannot be rebuilt"));
                }
            }
            else if (diff.PreviousLast != _previousLast)
            {
                throw new FormatException(FormattableString.Invariant(
                    $"{Symbol} depth update pu={diff.PreviousLast} does not follow the previous update's u={_previousLast}: a gap in the depth stream, and without a new snapshot the book cannot be rebuilt"));
            }

            foreach (var (price, size) in diff.Bids)
            {
                Set(_bids, price, size);
            }

            foreach (var (price, size) in diff.Asks)
            {
                Set(_asks, price, size);
            }

            _previousLast = diff.Last;
            return true;
        }

        public MarketEvent Event(long timeMs)
        {
            var book = new OrderBookSnapshot(coin, timeMs, Top(_bids, RoundingDirection.Down), Top(_asks, RoundingDirection.Up));
            if (MarketDataRules.CheckBook(book) is { } bad)
            {
                throw new FormatException($"{Symbol} book after update u={_previousLast}: {bad}");
            }

            return MarketEvent.OfBook(book);
        }

        /// <summary>
        /// The best <see cref="Depth"/> levels of one side; on the Hyperliquid grid when the coin is listed there
        /// (each Binance level moved to the passive side's nearest valid price, levels on the same price merged, the
        /// order count a lower bound: one per Binance level).
        /// </summary>
        private BookLevel[] Top(SortedDictionary<decimal, decimal> side, RoundingDirection passive)
        {
            var levels = new List<BookLevel>(Depth);
            foreach (var (raw, size) in side)
            {
                var price = _grid is null ? raw : _grid.RoundPrice(raw, passive);
                if (levels.Count > 0 && levels[^1].Price == price)
                {
                    levels[^1] = levels[^1] with { Size = levels[^1].Size + size, Orders = levels[^1].Orders + 1 };
                    continue;
                }

                if (levels.Count == Depth)
                {
                    break;
                }

                levels.Add(new BookLevel(price, size, 1));
            }

            return [.. levels];
        }

        private static void Set(SortedDictionary<decimal, decimal> side, decimal price, decimal size)
        {
            if (size == 0m)
            {
                side.Remove(price);
            }
            else
            {
                side[price] = size;
            }
        }
    }
}
