using System.Globalization;
using HyperMM.Core.Market;
using HyperMM.Core.Primitives;

namespace HyperMM.Simulation.Market;

/// <summary>
/// Reads the HL CSV layout (djienne collectors): <c>orderbooks_{COIN}.csv</c> (exchange_timestamp + 20 levels of
/// bid/ask price and size per row) and <c>trades_{COIN}.csv</c> (price, size, taker side, trade_id,
/// exchange_timestamp). Events are stamped with the exchange time and merged in time order (books first on ties).
/// The bbo file (<c>prices_*.csv</c>) is not used: the books carry the top of book.
/// </summary>
public static class HlCsvReader
{
    public static IReadOnlyList<Coin> CoinsIn(string directory) =>
        [.. Directory.GetFiles(directory, "orderbooks_*.csv").Select(f => Path.GetFileNameWithoutExtension(f)["orderbooks_".Length..])
            .Order(StringComparer.Ordinal).Select(n => new Coin(n))];

    public static List<MarketEvent> Read(string directory, Coin coin)
    {
        var books = Path.Combine(directory, $"orderbooks_{coin.Name}.csv");
        if (!File.Exists(books))
        {
            throw new MarketDataException($"{books}: not found (the HL CSV layout needs orderbooks_{coin.Name}.csv).");
        }

        var events = ReadBooks(books, coin);
        var trades = Path.Combine(directory, $"trades_{coin.Name}.csv");
        if (File.Exists(trades))
        {
            events.AddRange(ReadTrades(trades, coin));
        }

        // Stable sort: books before trades at the same millisecond, file order otherwise.
        return [.. events.Select((e, i) => (e, i)).OrderBy(x => x.e.TimeMs).ThenBy(x => x.e.Kind).ThenBy(x => x.i).Select(x => x.e)];
    }

    private static List<MarketEvent> ReadBooks(string path, Coin coin)
    {
        var events = new List<MarketEvent>();
        using var reader = new StreamReader(path);
        var header = (reader.ReadLine() ?? string.Empty).Split(',');
        var time = Column(header, "exchange_timestamp", path);
        var levels = 0;
        while (Array.IndexOf(header, $"bid_price_{levels}") >= 0)
        {
            levels++;
        }

        if (levels == 0)
        {
            throw new MarketDataException($"{path}: no bid_price_0 column; not the HL orderbooks layout.");
        }

        var bp = Enumerable.Range(0, levels).Select(i => Column(header, $"bid_price_{i}", path)).ToArray();
        var bs = Enumerable.Range(0, levels).Select(i => Column(header, $"bid_size_{i}", path)).ToArray();
        var ap = Enumerable.Range(0, levels).Select(i => Column(header, $"ask_price_{i}", path)).ToArray();
        var asz = Enumerable.Range(0, levels).Select(i => Column(header, $"ask_size_{i}", path)).ToArray();
        var lineNo = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0)
            {
                continue;
            }

            var f = line.Split(',');
            try
            {
                var bids = new List<BookLevel>(levels);
                var asks = new List<BookLevel>(levels);
                for (var i = 0; i < levels; i++)
                {
                    AddLevel(bids, f, bp[i], bs[i]);
                    AddLevel(asks, f, ap[i], asz[i]);
                }

                events.Add(MarketEvent.OfBook(new OrderBookSnapshot(coin, ParseLong(f[time]), [.. bids], [.. asks])));
            }
            catch (Exception ex) when (ex is FormatException or IndexOutOfRangeException or OverflowException)
            {
                throw new MarketDataException($"{path}:{lineNo}: cannot read the row ({ex.Message}).", ex);
            }
        }

        return events;
    }

    private static List<MarketEvent> ReadTrades(string path, Coin coin)
    {
        using var reader = new StreamReader(path);
        var header = (reader.ReadLine() ?? string.Empty).Split(',');
        int price = Column(header, "price", path), size = Column(header, "size", path), side = Column(header, "side", path);
        int tid = Column(header, "trade_id", path), time = Column(header, "exchange_timestamp", path);
        var lineNo = 1;
        var list = new List<MarketEvent>();
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0)
            {
                continue;
            }

            var f = line.Split(',');
            try
            {
                var aggressor = f[side] switch
                {
                    "buy" => Side.Buy,
                    "sell" => Side.Sell,
                    _ => throw new FormatException($"side '{f[side]}' is neither buy nor sell"),
                };
                list.Add(MarketEvent.OfTrade(new Trade(coin, ParseLong(f[time]), aggressor, ParseDecimal(f[price]), ParseDecimal(f[size]), ParseLong(f[tid]))));
            }
            catch (Exception ex) when (ex is FormatException or IndexOutOfRangeException or OverflowException)
            {
                throw new MarketDataException($"{path}:{lineNo}: cannot read the row ({ex.Message}).", ex);
            }
        }

        return list;
    }

    private static void AddLevel(List<BookLevel> levels, string[] fields, int priceColumn, int sizeColumn)
    {
        if (fields[priceColumn].Length == 0 || fields[sizeColumn].Length == 0)
        {
            return;
        }

        var price = ParseDecimal(fields[priceColumn]);
        var size = ParseDecimal(fields[sizeColumn]);
        if (price > 0m && size > 0m)
        {
            levels.Add(new BookLevel(price, size, 1));
        }
    }

    private static int Column(string[] header, string name, string path)
    {
        var index = Array.IndexOf(header, name);
        return index >= 0 ? index : throw new MarketDataException($"{path}: column '{name}' is missing.");
    }

    internal static decimal ParseDecimal(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static long ParseLong(string text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : (long)double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
