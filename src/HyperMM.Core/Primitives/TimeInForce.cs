namespace HyperMM.Core.Primitives;

/// <summary>Hyperliquid limit-order time in force.</summary>
public enum TimeInForce
{
    /// <summary>Add liquidity only (post-only): cancelled instead of crossing.</summary>
    Alo = 0,

    /// <summary>Good till cancelled: may take liquidity, the rest rests.</summary>
    Gtc = 1,

    /// <summary>Immediate or cancel: the unfilled part is cancelled.</summary>
    Ioc = 2,
}
