using HyperMM.Core.Primitives;

namespace HyperMM.Core.Instruments;

/// <summary>
/// What the venue says about one instrument: its asset id, max leverage and its tick / lot / minimum-order
/// <see cref="Rules"/>. Every price or size that goes to a venue is rounded and checked here
/// (<c>spec.RoundPrice(px, RoundingDirection.Down)</c>), never by a venue's rules called directly.
/// </summary>
public sealed record InstrumentSpec
{
    public InstrumentSpec(Coin coin, AssetId assetId, IInstrumentRules rules, int maxLeverage)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLeverage, 1);
        Coin = coin;
        AssetId = assetId;
        Rules = rules;
        MaxLeverage = maxLeverage;
    }

    public Coin Coin { get; }

    public AssetId AssetId { get; }

    public IInstrumentRules Rules { get; }

    public int MaxLeverage { get; }

    /// <summary>Smallest size step.</summary>
    public decimal LotSize => Rules.LotSize;

    /// <summary>Smallest order value the venue accepts (Hyperliquid: $10).</summary>
    public decimal MinOrderNotional => Rules.MinOrderNotional;

    /// <summary>A Hyperliquid perp as <c>meta</c> describes it (universe index, <c>szDecimals</c>, <c>maxLeverage</c>).</summary>
    public static InstrumentSpec HyperliquidPerp(Coin coin, AssetId assetId, int szDecimals, int maxLeverage) =>
        new(coin, assetId, new HyperliquidPerpRules(szDecimals), maxLeverage);

    public decimal TickAt(decimal price) => Rules.TickAt(price);

    public decimal RoundPrice(decimal price, RoundingDirection direction) => Rules.RoundPrice(price, direction);

    public bool IsValidPrice(decimal price) => Rules.IsValidPrice(price);

    public decimal RoundSizeDown(decimal size) => Rules.RoundSizeDown(size);

    public decimal RoundSizeUp(decimal size) => Rules.RoundSizeUp(size);

    public bool IsValidSize(decimal size) => Rules.IsValidSize(size);

    public bool MeetsMinNotional(decimal price, decimal size) => price * size >= Rules.MinOrderNotional;

    /// <summary>The smallest whole number of lots worth at least the minimum order value at this price.</summary>
    public decimal MinimumSizeAt(decimal price) => Rules.RoundSizeUp(Rules.MinOrderNotional / price);
}
