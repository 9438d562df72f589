using HyperMM.Core.Primitives;

namespace HyperMM.Core.Instruments;

/// <summary>What the venue says about one perp (from <c>meta</c>): its asset id, size decimals and max leverage.</summary>
public sealed record InstrumentSpec
{
    public InstrumentSpec(Coin coin, AssetId assetId, int szDecimals, int maxLeverage)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(szDecimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(szDecimals, VenueRules.PerpMaxPriceDecimals);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLeverage, 1);
        Coin = coin;
        AssetId = assetId;
        SzDecimals = szDecimals;
        MaxLeverage = maxLeverage;
        LotSize = VenueRules.PowerOfTenNegative(szDecimals);
    }

    public Coin Coin { get; }

    public AssetId AssetId { get; }

    /// <summary>Decimals allowed in a size; also fixes the price decimals (6 - szDecimals for perps).</summary>
    public int SzDecimals { get; }

    public int MaxLeverage { get; }

    /// <summary>Smallest size step: 10^-szDecimals.</summary>
    public decimal LotSize { get; }
}
