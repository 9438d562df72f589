namespace HyperMM.Core.Primitives;

public static class SideExtensions
{
    public static Side Opposite(this Side side) => side == Side.Buy ? Side.Sell : Side.Buy;

    /// <summary>+1 for a buy, -1 for a sell: the sign a fill of this side adds to the position.</summary>
    public static int Sign(this Side side) => side == Side.Buy ? 1 : -1;
}
