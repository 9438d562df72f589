using HyperMM.Core.Instruments;
using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Info;

namespace HyperMM.LocalExchange.Market;

/// <summary>
/// The perps the local venue lists. BTC (asset 0, szDecimals 5) and ETH (asset 1, szDecimals 4) are as the
/// recorded mainnet <c>meta</c> in ../shared/data (hyperliquid-python-sdk cassette test_get_info.yaml) lists
/// them; HYPE (szDecimals 2) is not in any recording — it is appended as asset 2, the id the rest of HyperMM's
/// offline tables use (mainnet lists it at 159; clients must read ids from <c>meta</c> anyway). Max leverage
/// follows the current margin tiers (BTC 40, ETH 25, HYPE 10; PROTOCOL §9).
/// <para>
/// Margin tables as the venue's <c>meta</c> shows them: BTC → 56 "tiered 40x" (40× to $150M, then 20×), ETH → 55
/// "tiered 25x" (25× to $100M, then 15×), with the ids, descriptions and bounds of live <c>meta</c> answers quoted
/// in third-party test fixtures and the tiers of DOCS trading/margin-tiers.md (PROTOCOL §5). HYPE (10× to $20M,
/// then 5×) gets id 52 "tiered 10x": its real id is not in any source we hold. Table 50 (one 50× tier) is listed
/// as the venue lists it.
/// </para>
/// </summary>
public static class LocalMarkets
{
    public static IReadOnlyList<InstrumentSpec> All { get; } =
    [
        new(new Coin("BTC"), new AssetId(0), 5, 40),
        new(new Coin("ETH"), new AssetId(1), 4, 25),
        new(new Coin("HYPE"), new AssetId(2), 2, 10),
    ];

    public static IReadOnlyList<MarginTable> MarginTables { get; } =
    [
        new(50, string.Empty, [new MarginTier(0m, 50)]),
        new(52, "tiered 10x", [new MarginTier(0m, 10), new MarginTier(20_000_000m, 5)]),
        new(55, "tiered 25x", [new MarginTier(0m, 25), new MarginTier(100_000_000m, 15)]),
        new(56, "tiered 40x", [new MarginTier(0m, 40), new MarginTier(150_000_000m, 20)]),
    ];

    /// <summary>The <c>marginTableId</c> of a listed coin.</summary>
    public static int MarginTableId(InstrumentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Coin.Name switch
        {
            "BTC" => 56,
            "ETH" => 55,
            "HYPE" => 52,
            _ => 50,
        };
    }

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
