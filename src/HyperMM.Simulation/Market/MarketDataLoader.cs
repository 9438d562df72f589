using HyperMM.Core.Primitives;

namespace HyperMM.Simulation.Market;

/// <summary>
/// Loads market events from a path: a directory in the HL CSV layout, or a capture/recording file (plain or gzip).
/// <see cref="Open"/> reads a capture file once for all its coins; a CSV directory is read per coin, when asked.
/// </summary>
public sealed class MarketDataLoader
{
    private readonly string _path;
    private readonly Dictionary<Coin, IReadOnlyList<MarketEvent>>? _capture;

    private MarketDataLoader(string path, IReadOnlyList<Coin> coins, Dictionary<Coin, IReadOnlyList<MarketEvent>>? capture, string? proxyNote = null)
    {
        _path = path;
        Coins = coins;
        _capture = capture;
        ProxyNote = proxyNote;
    }

    /// <summary>Coins present, in name order.</summary>
    public IReadOnlyList<Coin> Coins { get; }

    /// <summary>When the data is another venue's market read as a proxy: what was read as what, for the user to see. Else null.</summary>
    public string? ProxyNote { get; }

    /// <summary>
    /// Opens <paramref name="path"/>: lists a directory's coins, or reads a capture file whole (a capture with no book
    /// or trade in it is an error, as is a path that does not exist).
    /// </summary>
    public static MarketDataLoader Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            return new MarketDataLoader(path, HlCsvReader.CoinsIn(path), null);
        }

        if (!File.Exists(path))
        {
            throw new MarketDataException($"{path}: no such file or directory.");
        }

        var events = WsCaptureReader.Read(path, out var proxyNote);
        if (events.Count == 0)
        {
            throw new MarketDataException($"{path}: no book or trade in it (read: Hyperliquid l2Book and trades pushes, hypermm recordings, Binance futures depth and trade streams).");
        }

        // Per coin, in time order; rows a little out of order (MarketDataRules) keep their file order among equal times.
        var byCoin = events.Select((e, i) => (e, i)).GroupBy(x => x.e.Coin)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<MarketEvent>)[.. g.OrderBy(x => x.e.TimeMs).ThenBy(x => x.i).Select(x => x.e)]);
        return new MarketDataLoader(path, [.. byCoin.Keys.OrderBy(c => c.Name, StringComparer.Ordinal)], byCoin, proxyNote);
    }

    /// <summary>The events of <paramref name="coin"/>, in time order (none when the coin is absent).</summary>
    public IReadOnlyList<MarketEvent> Events(Coin coin) =>
        _capture is null ? HlCsvReader.Read(_path, coin)
        : _capture.TryGetValue(coin, out var events) ? events
        : [];

    /// <summary>Coins present at <paramref name="path"/>.</summary>
    public static IReadOnlyList<Coin> CoinsIn(string path) => Open(path).Coins;

    /// <summary>The events of one coin at <paramref name="path"/>, in time order.</summary>
    public static IReadOnlyList<MarketEvent> Load(string path, Coin coin) => Open(path).Events(coin);
}
