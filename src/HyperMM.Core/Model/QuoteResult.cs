namespace HyperMM.Core.Model;

/// <summary>The full decomposition of one quote, from mid to venue-ready orders.</summary>
public readonly record struct QuoteResult(
    decimal Mid,
    double Sigma2HorizonBps2,
    double Q,
    double ReservationBps,
    decimal ReservationPrice,
    double RawSpreadBps,
    double ClampedSpreadBps,
    double SpreadBps,
    int PressureStage,
    SideQuote Bid,
    SideQuote Ask)
{
    public bool InFillPressure => PressureStage > 0;
}
