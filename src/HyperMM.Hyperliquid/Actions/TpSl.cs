namespace HyperMM.Hyperliquid.Actions;

/// <summary>Trigger order flavour: take-profit (<c>"tp"</c>) or stop-loss (<c>"sl"</c>).</summary>
public enum TpSl
{
    TakeProfit = 0,
    StopLoss = 1,
}
