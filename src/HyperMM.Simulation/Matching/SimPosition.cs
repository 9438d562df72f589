using HyperMM.Core.Primitives;

namespace HyperMM.Simulation.Matching;

/// <summary>
/// One coin's position of an account. <see cref="Size"/> is signed (positive long). PnL figures exclude fees;
/// <see cref="FeesPaid"/> is the sum of fees on this coin (negative for net rebates). <see cref="IsCross"/> is
/// false for a coin set to isolated margin.
/// </summary>
public sealed record SimPosition(
    Coin Coin,
    decimal Size,
    decimal EntryPrice,
    decimal MarkPrice,
    decimal RealizedPnl,
    decimal UnrealizedPnl,
    decimal FeesPaid,
    int Leverage,
    decimal MarginUsed,
    bool IsCross = true);
