using System.Globalization;
using HyperMM.Core.Instruments;
using HyperMM.Hyperliquid.Info;

namespace HyperMM.LocalExchange.Market;

/// <summary>
/// The perps the local venue lists: <see cref="HyperliquidPerpCatalog"/>, at mainnet's asset ids (BTC 0, ETH 1,
/// HYPE 159). An asset id is the index in <c>meta.universe</c>, so <see cref="Meta"/> lists mainnet's universe up to
/// the last listed coin; the indices the venue does not list are placeholders named <c>UNLISTED&lt;index&gt;</c>,
/// marked <c>isDelisted</c> and pointing at table 50 (the venue keeps delisted coins in the universe the same way: PROTOCOL §1.3).
/// <para>
/// Margin tables as the venue's <c>meta</c> shows them: 56 "tiered 40x" (40× to $150M, then 20×), 55 "tiered 25x"
/// (25× to $100M, then 15×), with the ids, descriptions and bounds of live <c>meta</c> answers quoted in third-party
/// test fixtures and the tiers of DOCS trading/margin-tiers.md (PROTOCOL §5). HYPE's (10× to $20M, then 5×) real id
/// is in no source we hold: the catalog's 52 stands in. Table 50 (one 50× tier) is listed as the venue lists it.
/// </para>
/// </summary>
public static class LocalMarkets
{
    public static IReadOnlyList<InstrumentSpec> All { get; } = [.. HyperliquidPerpCatalog.All.Select(l => l.Spec)];

    public static IReadOnlyList<MarginTable> MarginTables { get; } =
    [
        new(50, string.Empty, [new MarginTier(0m, 50)]),
        new(52, "tiered 10x", [new MarginTier(0m, 10), new MarginTier(20_000_000m, 5)]),
        new(55, "tiered 25x", [new MarginTier(0m, 25), new MarginTier(100_000_000m, 15)]),
        new(56, "tiered 40x", [new MarginTier(0m, 40), new MarginTier(150_000_000m, 20)]),
    ];

    /// <summary>The venue's <c>meta</c>: the listed coins at their asset ids, placeholders between them.</summary>
    public static PerpMeta Meta { get; } = new(
        [.. Enumerable.Range(0, HyperliquidPerpCatalog.UniverseLength).Select(UniverseEntry)],
        0,
        MarginTables);

    public static InstrumentSpec? ByAsset(int asset) => HyperliquidPerpCatalog.ByAsset(asset)?.Spec;

    public static InstrumentSpec? ByCoin(string name) => HyperliquidPerpCatalog.ByCoin(name)?.Spec;

    private static PerpAssetInfo UniverseEntry(int index) => HyperliquidPerpCatalog.ByAsset(index) is { } listing
        ? new PerpAssetInfo(listing.Coin.Name, listing.SzDecimals, listing.MaxLeverage, false, false, listing.MarginTableId, null)
        : new PerpAssetInfo("UNLISTED" + index.ToString(CultureInfo.InvariantCulture), 0, 50, false, true, 50, null);
}
