using System.Globalization;
using HyperMM.Core.Market;
using HyperMM.Core.Primitives;

namespace HyperMM.Simulation.Market;

/// <summary>
/// Reads the HL CSV layout (djienne collectors): <c>orderbooks_{COIN}.csv</c> (exchange_timestamp + 20 levels of
/// bid/ask price and size per row) and <c>trades_{COIN}.csv</c> (price, size, taker side, trade_id,
/// exchange_timestamp). Events are stamped with the exchange time and merged in time order (books first on ties).
/// The bbo file (<c>prices_*.csv</c>) is not used: the books carry the top of book. A row that cannot be read or
/// holds impossible values (<see cref="MarketDataRules"/>) raises <see cref="MarketDataException"/> naming the file,
/// the line and the reason.
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
        var header = Header(path);
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
        var newestMs = long.MinValue;
        foreach (var (lineNo, f) in Rows(path, header))
        {
            var bids = new List<BookLevel>(levels);
            var asks = new List<BookLevel>(levels);
            for (var i = 0; i < levels; i++)
            {
                AddLevel(bids, $"bid level {i}", header, f, bp[i], bs[i], path, lineNo);
                AddLevel(asks, $"ask level {i}", header, f, ap[i], asz[i], path, lineNo);
            }

            var book = new OrderBookSnapshot(coin, Time(header, f, time, path, lineNo, ref newestMs), [.. bids], [.. asks]);
            if (MarketDataRules.CheckBook(book) is { } bad)
            {
                throw new MarketDataException($"{path}:{lineNo}: {bad}.");
            }

            events.Add(MarketEvent.OfBook(book));
        }

        return events;
    }

    private static List<MarketEvent> ReadTrades(string path, Coin coin)
    {
        var header = Header(path);
        int price = Column(header, "price", path), size = Column(header, "size", path), side = Column(header, "side", path);
        int tid = Column(header, "trade_id", path), time = Column(header, "exchange_timestamp", path);
        var newestMs = long.MinValue;
        var list = new List<MarketEvent>();
        foreach (var (lineNo, f) in Rows(path, header))
        {
            var aggressor = f[side] switch
            {
                "buy" => Side.Buy,
                "sell" => Side.Sell,
                _ => throw new MarketDataException($"{path}:{lineNo}: side '{f[side]}' is neither buy nor sell."),
            };
            if (!long.TryParse(f[tid], NumberStyles.None, CultureInfo.InvariantCulture, out var tradeId))
            {
                throw new MarketDataException($"{path}:{lineNo}: trade_id '{f[tid]}' is not a whole number.");
            }

            var timeMs = Time(header, f, time, path, lineNo, ref newestMs);
            var trade = new Trade(coin, timeMs, aggressor, Number(header, f, price, path, lineNo), Number(header, f, size, path, lineNo), tradeId);
            if (MarketDataRules.CheckTrade(trade) is { } bad)
            {
                throw new MarketDataException($"{path}:{lineNo}: {bad}.");
            }

            list.Add(MarketEvent.OfTrade(trade));
        }

        return list;
    }

    private static string[] Header(string path)
    {
        using var reader = new StreamReader(path);
        var line = reader.ReadLine();
        return string.IsNullOrWhiteSpace(line) ? throw new MarketDataException($"{path}:1: empty file, no header row.") : line.Split(',');
    }

    /// <summary>The data rows with their line numbers; a row with another number of fields than the header is an error.</summary>
    private static IEnumerable<(int LineNo, string[] Fields)> Rows(string path, string[] header)
    {
        using var reader = new StreamReader(path);
        reader.ReadLine();
        var lineNo = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length != header.Length)
            {
                throw new MarketDataException($"{path}:{lineNo}: the row has {fields.Length} fields, the header {header.Length} (a cut or damaged line?).");
            }

            yield return (lineNo, fields);
        }
    }

    /// <summary>One level: both price and size empty (the side has fewer levels), or both numbers above zero.</summary>
    private static void AddLevel(List<BookLevel> levels, string what, string[] header, string[] fields, int priceColumn, int sizeColumn, string path, int lineNo)
    {
        if (fields[priceColumn].Length == 0 && fields[sizeColumn].Length == 0)
        {
            return;
        }

        var price = Number(header, fields, priceColumn, path, lineNo);
        var size = Number(header, fields, sizeColumn, path, lineNo);
        if (MarketDataRules.CheckLevel(what, price, size) is { } bad)
        {
            throw new MarketDataException($"{path}:{lineNo}: {bad}.");
        }

        levels.Add(new BookLevel(price, size, 1));
    }

    private static decimal Number(string[] header, string[] fields, int column, string path, int lineNo) =>
        MarketDataRules.TryParseNumber(fields[column], out var value)
            ? value
            : throw new MarketDataException($"{path}:{lineNo}: {header[column]} '{fields[column]}' is not a number.");

    private static long Time(string[] header, string[] fields, int column, string path, int lineNo, ref long newestMs)
    {
        if (!MarketDataRules.TryParseTime(fields[column], out var timeMs))
        {
            throw new MarketDataException($"{path}:{lineNo}: {header[column]} '{fields[column]}' is not a time in ms.");
        }

        if (MarketDataRules.CheckTime(newestMs, timeMs) is { } late)
        {
            throw new MarketDataException($"{path}:{lineNo}: {late}.");
        }

        newestMs = Math.Max(newestMs, timeMs);
        return timeMs;
    }

    private static int Column(string[] header, string name, string path)
    {
        var index = Array.IndexOf(header, name);
        return index >= 0 ? index : throw new MarketDataException($"{path}: column '{name}' is missing.");
    }
}
