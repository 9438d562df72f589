using HyperMM.Core.Instruments;
using HyperMM.Core.Primitives;

namespace HyperMM.Cli.Instruments;

/// <summary>
/// Size decimals of the three coins as Hyperliquid's <c>meta</c> lists them (PROTOCOL §5: BTC 5, ETH 4, HYPE 2),
/// for offline tools (<c>hypermm quote</c>). Live runs always read <c>meta</c> from the venue instead.
/// </summary>
public static class KnownInstruments
{
    private static readonly Dictionary<string, (int AssetId, int SzDecimals, int MaxLeverage)> Table = new(StringComparer.Ordinal)
    {
        ["BTC"] = (0, 5, 40),
        ["ETH"] = (1, 4, 25),
        ["HYPE"] = (159, 2, 10), // mainnet asset id per PROTOCOL §5 (unconfirmed); live runs read meta
    };

    public static bool TryGet(Coin coin, out InstrumentSpec spec)
    {
        if (Table.TryGetValue(coin.Name, out var row))
        {
            spec = new InstrumentSpec(coin, new AssetId(row.AssetId), row.SzDecimals, row.MaxLeverage);
            return true;
        }

        spec = null!;
        return false;
    }
}
