namespace HyperMM.Core.Primitives;

/// <summary>Order or trade side. On the wire Hyperliquid writes "B" (bid/buy) and "A" (ask/sell).</summary>
public enum Side
{
    Buy = 0,
    Sell = 1,
}
