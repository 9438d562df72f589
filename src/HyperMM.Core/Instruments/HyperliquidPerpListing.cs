using HyperMM.Core.Primitives;

namespace HyperMM.Core.Instruments;

/// <summary>
/// One perp as Hyperliquid mainnet's <c>meta</c> lists it: its place in the universe (the asset id), size decimals,
/// max leverage and the margin table it points at. <see cref="HyperliquidPerpCatalog"/> holds the ones HyperMM uses.
/// </summary>
public sealed record HyperliquidPerpListing(Coin Coin, AssetId AssetId, int SzDecimals, int MaxLeverage, int MarginTableId)
{
    /// <summary>The instrument with Hyperliquid's perp rules for these size decimals.</summary>
    public InstrumentSpec Spec { get; } = InstrumentSpec.HyperliquidPerp(Coin, AssetId, SzDecimals, MaxLeverage);
}
