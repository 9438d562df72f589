namespace HyperMM.Hyperliquid.Actions;

/// <summary>The <c>grouping</c> of an order action: <c>"na"</c>, <c>"normalTpsl"</c>, <c>"positionTpsl"</c>.</summary>
public enum OrderGrouping
{
    Na = 0,
    NormalTpsl = 1,
    PositionTpsl = 2,
}
