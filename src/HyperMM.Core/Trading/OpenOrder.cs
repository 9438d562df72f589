using HyperMM.Core.Primitives;

namespace HyperMM.Core.Trading;

/// <summary>A resting order as the venue lists it. <see cref="Size"/> is what remains; <see cref="OriginalSize"/> what was placed.</summary>
public sealed record OpenOrder(
    Coin Coin,
    OrderId OrderId,
    Cloid? Cloid,
    Side Side,
    decimal Price,
    decimal Size,
    decimal OriginalSize,
    long TimestampMs,
    bool ReduceOnly);
