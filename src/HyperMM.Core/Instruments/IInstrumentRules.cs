namespace HyperMM.Core.Instruments;

/// <summary>
/// A venue's tick, lot and minimum-order rules for one instrument: the one place a model price or size becomes a
/// venue price or size. Callers reach it through <see cref="InstrumentSpec"/> (<c>spec.RoundPrice(px, Down)</c>);
/// each venue kind is one implementation built from what the venue publishes (Hyperliquid perps:
/// <see cref="HyperliquidPerpRules"/>, from <c>meta</c>). All arithmetic is <see cref="decimal"/>, so a value that
/// validates here prints exactly as it will be signed.
/// </summary>
public interface IInstrumentRules
{
    /// <summary>Smallest size step.</summary>
    decimal LotSize { get; }

    /// <summary>Smallest order value (price × size) the venue accepts, in quote currency.</summary>
    decimal MinOrderNotional { get; }

    /// <summary>The price step at this price level (positive prices only).</summary>
    decimal TickAt(decimal price);

    /// <summary>Rounds a positive price to a valid venue price: bids <see cref="RoundingDirection.Down"/>, asks <see cref="RoundingDirection.Up"/>.</summary>
    decimal RoundPrice(decimal price, RoundingDirection direction);

    bool IsValidPrice(decimal price);

    /// <summary>Rounds a size towards zero to the lot.</summary>
    decimal RoundSizeDown(decimal size);

    /// <summary>Rounds a positive size up to the lot.</summary>
    decimal RoundSizeUp(decimal size);

    /// <summary>Positive and a whole number of lots.</summary>
    bool IsValidSize(decimal size);
}
