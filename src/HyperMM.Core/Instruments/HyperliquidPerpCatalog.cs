using HyperMM.Core.Primitives;

namespace HyperMM.Core.Instruments;

/// <summary>
/// The one instrument table for everything that runs without asking the venue: offline commands
/// (<c>hypermm quote</c>, <c>backtest</c>), the simulator's synthetic markets and the local exchange's <c>meta</c>.
/// Live runs read <c>meta</c> from the venue instead and never look here.
/// <para>
/// Facts, with sources (PROTOCOL §1.3, §5): BTC is universe index 0 with szDecimals 5 and ETH index 1 with
/// szDecimals 4, as the recorded mainnet <c>meta</c> in ../shared/data lists them (hyperliquid-python-sdk cassettes,
/// checked by a test). HYPE (szDecimals 2, index 159) is in no recording: both come from third-party code and are
/// unconfirmed by an official source. Max leverage follows the current margin tiers (DOCS margin-tiers: BTC 40,
/// ETH 25, HYPE 10; the 2023 recording still says 50). Margin table ids: BTC 56 "tiered 40x" and ETH 55
/// "tiered 25x" as live <c>meta</c> answers quoted in third-party fixtures show them; HYPE's real id is in no
/// source we hold, 52 stands in for it.
/// </para>
/// </summary>
public static class HyperliquidPerpCatalog
{
    public static HyperliquidPerpListing Btc { get; } = new(new Coin("BTC"), new AssetId(0), 5, 40, 56);

    public static HyperliquidPerpListing Eth { get; } = new(new Coin("ETH"), new AssetId(1), 4, 25, 55);

    public static HyperliquidPerpListing Hype { get; } = new(new Coin("HYPE"), new AssetId(159), 2, 10, 52);

    /// <summary>The listed perps in universe order.</summary>
    public static IReadOnlyList<HyperliquidPerpListing> All { get; } = [Btc, Eth, Hype];

    /// <summary>
    /// Entries of mainnet's universe up to and including the last listed coin (HYPE at 159): a venue that serves
    /// these asset ids lists this many entries, the ones not in <see cref="All"/> as placeholders.
    /// </summary>
    public static int UniverseLength { get; } = All.Max(l => l.AssetId.Value) + 1;

    public static HyperliquidPerpListing? ByCoin(string name) => All.FirstOrDefault(l => string.Equals(l.Coin.Name, name, StringComparison.Ordinal));

    public static HyperliquidPerpListing? ByAsset(int asset) => All.FirstOrDefault(l => l.AssetId.Value == asset);

    public static bool TryGet(Coin coin, out InstrumentSpec spec)
    {
        spec = ByCoin(coin.Name)?.Spec!;
        return spec is not null;
    }
}
