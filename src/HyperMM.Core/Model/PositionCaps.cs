namespace HyperMM.Core.Model;

/// <summary>
/// Position caps that count resting orders: a new bid may be at most max - (position + resting bids), a new ask at
/// most max + (position - resting asks). "Resting" means orders that stay on the book while this quote goes out
/// (in replace mode the strategy's own orders are cancelled first, so they do not count).
/// </summary>
public static class PositionCaps
{
    public static decimal BidCapacity(decimal maxAbsPosition, decimal position, decimal restingBidSize) =>
        Math.Max(0m, maxAbsPosition - (position + restingBidSize));

    public static decimal AskCapacity(decimal maxAbsPosition, decimal position, decimal restingAskSize) =>
        Math.Max(0m, maxAbsPosition + (position - restingAskSize));
}
