using HyperMM.Core.Primitives;

namespace HyperMM.Core.Model;

/// <summary>
/// One desired order, ready for the venue: a valid price and size (size 0 when not quoted). <see cref="Level"/> is its
/// place on its side, 0 nearest the mid; the requote planner matches desired and open orders by side and level.
/// </summary>
/// <param name="ModelPrice">reservation ∓ half spread, before the touch clamp and rounding.</param>
/// <param name="UnroundedPrice">after the touch clamp (or the cross), before venue rounding.</param>
/// <param name="Price">venue price: bids rounded down, asks up.</param>
/// <param name="ModelSize">base size × skew, before caps and lots.</param>
/// <param name="Size">venue size, 0 when not quoted.</param>
public readonly record struct SideQuote(
    Side Side,
    decimal ModelPrice,
    decimal UnroundedPrice,
    decimal Price,
    double ModelSize,
    decimal Size,
    TimeInForce Tif,
    bool ReduceOnly,
    bool Crosses,
    SideQuoteStatus Status)
{
    /// <summary>Place on its side: 0 nearest the mid.</summary>
    public int Level { get; init; }

    public bool IsQuoted => Status == SideQuoteStatus.Quoted && Size > 0m;
}
