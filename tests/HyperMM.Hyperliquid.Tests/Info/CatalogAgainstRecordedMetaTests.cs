using HyperMM.Core.Instruments;
using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Info;
using HyperMM.Hyperliquid.Json;

namespace HyperMM.Hyperliquid.Tests.Info;

/// <summary>
/// <see cref="HyperliquidPerpCatalog"/> (the facts the repo ships for offline use) against the real mainnet
/// <c>meta</c> answers recorded in ../shared/data (hyperliquid-python-sdk cassettes, 2023: 28 perps).
/// </summary>
public class CatalogAgainstRecordedMetaTests
{
    /// <summary>Every cassette that recorded a <c>meta</c> answer (data/SOURCES.md §7).</summary>
    public static TheoryData<string> MetaCassettes { get; } = new()
    {
        "test_get_info",
        "test_get_l2_snapshot",
        "test_get_candles_snapshot",
        "test_get_funding_history[None]",
        "test_get_funding_history[1684811870000]",
    };

    [Theory]
    [MemberData(nameof(MetaCassettes))]
    public void RecordedCoins_HaveTheCatalogsAssetIdAndSizeDecimals(string cassette)
    {
        var meta = JsonRead.Document(Cassette.Response(cassette, "meta"), PerpMeta.Parse);
        var recorded = HyperliquidPerpCatalog.All.Where(l => meta.FindAsset(l.Coin) is not null).ToList();

        // BTC and ETH are in the recording; each must sit at the catalog's index with the catalog's szDecimals.
        Assert.Equal(["BTC", "ETH"], recorded.Select(l => l.Coin.Name));
        foreach (var listing in recorded)
        {
            Assert.Equal(listing.AssetId, meta.FindAsset(listing.Coin));
            Assert.Equal(listing.SzDecimals, meta.Universe[listing.AssetId.Value].SzDecimals);
            Assert.Equal(listing.Spec.Rules, meta.FindInstrument(listing.Coin)!.Rules);

            // The 2023 answer says 50×; the catalog carries today's margin tiers, which only ever lowered it.
            Assert.True(listing.MaxLeverage <= meta.Universe[listing.AssetId.Value].MaxLeverage);
        }
    }

    [Fact]
    public void Hype_IsNotInTheRecording_SoItsIndexCannotBeCheckedHere()
    {
        // HYPE listed in late 2024, after these answers were recorded: its index 159 and szDecimals 2 come from
        // third-party code (PROTOCOL §1.3, §5, unconfirmed). The recorded universe ends before that index, which
        // is consistent with a later listing (indices are append-only: delisted coins keep theirs).
        var meta = JsonRead.Document(Cassette.Response("test_get_info", "meta"), PerpMeta.Parse);
        Assert.Null(meta.FindAsset(new Coin("HYPE")));
        Assert.True(meta.Universe.Count <= HyperliquidPerpCatalog.Hype.AssetId.Value);
    }

    [Fact]
    public void Catalog_IsInUniverseOrder_WithUniqueIds()
    {
        var ids = HyperliquidPerpCatalog.All.Select(l => l.AssetId.Value).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(ids[^1] + 1, HyperliquidPerpCatalog.UniverseLength);
    }
}
