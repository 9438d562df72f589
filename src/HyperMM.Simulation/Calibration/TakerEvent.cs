using HyperMM.Core.Primitives;

namespace HyperMM.Simulation.Calibration;

/// <summary>
/// One taker order as the prints show it: every print with the same exchange millisecond and aggressor side.
/// <see cref="DepthBps"/> is how far its furthest print went from the mid just before it (positive = away from the
/// mid on the side it took: above the mid for a buy, below for a sell); <see cref="Size"/> is the sum of its prints.
/// </summary>
public readonly record struct TakerEvent(long TimeMs, Side AggressorSide, double DepthBps, decimal Size, int Prints);
