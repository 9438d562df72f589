namespace HyperMM.Core.Model;

/// <summary>
/// The Avellaneda-Stoikov (2008) reservation price and spread, in HyperMM's units: prices and spreads in bps of
/// mid, sigma2_h in bps², q the inventory as a fraction of the position cap.
/// </summary>
public static class AvellanedaStoikov
{
    /// <summary>reservation offset from mid, bps: -q · γ · σ²_h.</summary>
    public static double ReservationOffsetBps(double q, double gamma, double sigma2HorizonBps2) => -q * gamma * sigma2HorizonBps2;

    /// <summary>raw spread, bps: γ · σ²_h + (2/γ) · ln(1 + γ/κ).</summary>
    public static double RawSpreadBps(double gamma, double kappa, double sigma2HorizonBps2) =>
        (gamma * sigma2HorizonBps2) + (2.0 / gamma * Math.Log(1.0 + (gamma / kappa)));

    /// <summary>Raw spread clamped to [min, max].</summary>
    public static double ClampSpreadBps(double rawSpreadBps, double minSpreadBps, double maxSpreadBps) =>
        Math.Clamp(rawSpreadBps, minSpreadBps, maxSpreadBps);
}
