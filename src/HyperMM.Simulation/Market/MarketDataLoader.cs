using HyperMM.Core.Primitives;

namespace HyperMM.Simulation.Market;

/// <summary>
/// Loads market events from a path: a directory in the HL CSV layout, or a capture/recording file (plain or gzip).
/// </summary>
public static class MarketDataLoader
{
    /// <summary>Coins present at <paramref name="path"/>; a capture file with no book or trade in it is an error.</summary>
    public static IReadOnlyList<Coin> CoinsIn(string path)
    {
        if (Directory.Exists(path))
        {
            return HlCsvReader.CoinsIn(path);
        }

        var events = WsCaptureReader.Read(path);
        return events.Count == 0
            ? throw new MarketDataException($"{path}: no book or trade in it (read: Hyperliquid l2Book and trades pushes, hypermm recordings, Binance futures depth and trade streams).")
            : [.. events.Select(e => e.Coin).Distinct().OrderBy(c => c.Name, StringComparer.Ordinal)];
    }

    /// <summary>The events of one coin at <paramref name="path"/>, in time order.</summary>
    public static IReadOnlyList<MarketEvent> Load(string path, Coin coin)
    {
        if (Directory.Exists(path))
        {
            return HlCsvReader.Read(path, coin);
        }

        if (!File.Exists(path))
        {
            throw new MarketDataException($"{path}: no such file or directory.");
        }

        return [.. WsCaptureReader.Read(path).Where(e => e.Coin == coin).Select((e, i) => (e, i)).OrderBy(x => x.e.TimeMs).ThenBy(x => x.i).Select(x => x.e)];
    }
}
