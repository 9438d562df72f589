using HyperMM.Core.Instruments;
using HyperMM.Core.Primitives;

namespace HyperMM.LocalExchange.Market;

/// <summary>
/// The perps the local venue lists. BTC (asset 0, szDecimals 5) and ETH (asset 1, szDecimals 4) are as the
/// recorded mainnet <c>meta</c> in ../shared/data (hyperliquid-python-sdk cassette test_get_info.yaml) lists
/// them; HYPE (szDecimals 2) is not in any recording — it is appended as asset 2, the id the rest of HyperMM's
/// offline tables use (mainnet lists it at 159; clients must read ids from <c>meta</c> anyway). Max leverage
/// follows the current margin tiers (BTC 40, ETH 25, HYPE 10; PROTOCOL §9).
/// </summary>
public static class LocalMarkets
{
    public static IReadOnlyList<InstrumentSpec> All { get; } =
    [
        new(new Coin("BTC"), new AssetId(0), 5, 40),
        new(new Coin("ETH"), new AssetId(1), 4, 25),
        new(new Coin("HYPE"), new AssetId(2), 2, 10),
    ];

    public static InstrumentSpec? ByAsset(int asset) => asset >= 0 && asset < All.Count ? All[asset] : null;

    public static InstrumentSpec? ByCoin(string name)
    {
        foreach (var spec in All)
        {
            if (spec.Coin.Name == name)
            {
                return spec;
            }
        }

        return null;
    }
}
