using HyperMM.Core.Primitives;

namespace HyperMM.Core.Trading;

/// <summary>A limit order as the strategy wants it. Price and size must already satisfy the venue rules.</summary>
public sealed record OrderRequest(
    Coin Coin,
    Side Side,
    decimal Price,
    decimal Size,
    TimeInForce Tif,
    bool ReduceOnly,
    Cloid? Cloid);
