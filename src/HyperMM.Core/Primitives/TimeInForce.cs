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

    /// <summary>
    /// The venue's web-UI market order (PROTOCOL §2.2: NK accepts it; <c>frontendOpenOrders</c> lists it): a limit
    /// price carrying the slippage, matched like <see cref="Ioc"/>, never resting.
    /// </summary>
    FrontendMarket = 3,
}
