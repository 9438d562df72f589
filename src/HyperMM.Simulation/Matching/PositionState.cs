namespace HyperMM.Simulation.Matching;

/// <summary>Signed position with average entry; realised PnL accrues when a fill reduces the position.</summary>
internal sealed class PositionState
{
    public decimal Size { get; private set; }

    public decimal EntryPrice { get; private set; }

    public decimal RealizedPnl { get; private set; }

    public decimal FeesPaid { get; set; }

    public decimal UnrealizedPnl(decimal mark) => Size == 0m ? 0m : Size * (mark - EntryPrice);

    /// <summary>Applies a fill of signed quantity <paramref name="signedSize"/> at <paramref name="price"/>; returns the PnL it closed.</summary>
    public decimal Apply(decimal signedSize, decimal price)
    {
        if (Size == 0m || Math.Sign(Size) == Math.Sign(signedSize))
        {
            var newSize = Size + signedSize;
            EntryPrice = ((Math.Abs(Size) * EntryPrice) + (Math.Abs(signedSize) * price)) / Math.Abs(newSize);
            Size = newSize;
            return 0m;
        }

        var closing = Math.Min(Math.Abs(signedSize), Math.Abs(Size));
        var closed = closing * (price - EntryPrice) * Math.Sign(Size);
        RealizedPnl += closed;
        var after = Size + signedSize;
        if (after == 0m)
        {
            EntryPrice = 0m;
        }
        else if (Math.Sign(after) != Math.Sign(Size))
        {
            EntryPrice = price;
        }

        Size = after;
        return closed;
    }
}
