namespace HyperMM.Core.Model;

/// <summary>
/// One evaluation of <see cref="Glft"/>: the coefficients, the half spread and skew (bps), and the bid and ask depths
/// from the centre (bps; positive is away from the centre: the bid below, the ask above).
/// </summary>
public readonly record struct GlftDepths(double C1, double C2, double HalfSpreadBps, double SkewBps, double BidDepthBps, double AskDepthBps);
