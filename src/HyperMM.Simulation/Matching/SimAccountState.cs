using HyperMM.Core.Primitives;

namespace HyperMM.Simulation.Matching;

/// <summary>
/// An account as the engine sees it. <see cref="Balance"/> = deposits + realised PnL − fees;
/// <see cref="AccountValue"/> = balance + unrealised PnL; <see cref="MarginUsed"/> = Σ |size|·mark / leverage over
/// positions; <see cref="OrderMargin"/> = margin reserved by open orders that would add exposure;
/// <see cref="Withdrawable"/> = max(0, value − margin used − order margin).
/// </summary>
public sealed record SimAccountState(
    Address Account,
    decimal Balance,
    decimal AccountValue,
    decimal MarginUsed,
    decimal OrderMargin,
    decimal Withdrawable,
    decimal CumulativeVolumeUsd,
    IReadOnlyList<SimPosition> Positions);
