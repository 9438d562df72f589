using HyperMM.Core.Model;

namespace HyperMM.Simulation.Calibration;

/// <summary>
/// What <see cref="MicroPriceFitter"/> estimated from one coin's books: the adjustment table G* in ticks
/// (<see cref="Table"/>), the tick it is measured in (the smallest positive spread seen), and per state (row-major:
/// spread s − 1, bucket k) how many transitions it was estimated from, original and mirrored. Ticks go into bps of mid
/// as G · tick / mid (at <see cref="MedianMid"/>: <see cref="BpsAtMedianMid"/>).
/// </summary>
public sealed record MicroPriceFit(
    MicroPriceTable Table,
    decimal Tick,
    double MedianMid,
    IReadOnlyList<int> TransitionsPerState,
    int Transitions,
    double MoveShare,
    int Iterations)
{
    /// <summary>One tick in bps of the median mid.</summary>
    public double BpsAtMedianMid => (double)Tick / MedianMid * Core.Primitives.Bps.PerUnit;
}
