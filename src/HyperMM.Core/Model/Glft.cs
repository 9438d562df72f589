namespace HyperMM.Core.Model;

/// <summary>
/// The Guéant-Lehalle-Fernandez-Tapia (2013) infinite-horizon closed-form approximation of the optimal quotes
/// ("Dealing with the inventory risk: a solution to the market making problem", Math. Financ. Econ. 7:477-507, §4:
/// the asymptotic behaviour of the optimal quotes and their closed-form approximations), in the general form with
/// order size Δ and ξ = γ that hftbacktest's GLFT tutorial writes out:
/// <code>
/// c1 = 1/(ξΔ) · ln(1 + ξΔ/κ)
/// c2 = sqrt( γ / (2·A·Δ·κ) · (1 + ξΔ/κ)^(κ/(ξΔ) + 1) )
/// half spread = c1 + Δ/2 · c2 · σ          skew = c2 · σ
/// bid depth = half spread + skew · q       ask depth = half spread − skew · q
/// </code>
/// Units (HyperMM's): depths, half spread and skew in bps of mid; κ per bps; A per second (taker orders per side
/// that reach the touch, from <c>hypermm calibrate</c>); σ in bps per √s (the running volatility estimate); γ = ξ
/// per bps per unit of inventory; q and Δ in the same inventory unit (the GLFT model uses the order size: Δ = 1,
/// q = position / order size). A depth is measured from the centre (mid or fair value) outward: a positive bid
/// depth is below it. As γ → 0, c1 → 1/κ and c2 → 0: a risk-neutral dealer quotes 1/κ from the centre on both sides
/// whatever its inventory (the paper's limit). Pure double maths.
/// </summary>
public static class Glft
{
    /// <summary>(c1, c2) for risk aversion γ (= ξ), order-arrival decay κ, arrival rate A and order size Δ.</summary>
    public static (double C1, double C2) Coefficients(double gamma, double kappa, double aPerSecond, double delta)
    {
        if (!(gamma > 0) || !(kappa > 0) || !(aPerSecond > 0) || !(delta > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(gamma), "GLFT needs gamma, kappa, A and delta > 0");
        }

        var x = gamma * delta / kappa;
        var c1 = Math.Log(1.0 + x) / (gamma * delta);
        // (1 + x)^(1/x + 1) computed as exp((1/x + 1) · ln(1 + x)): for a tiny x it tends to e without overflow.
        var growth = Math.Exp(((1.0 / x) + 1.0) * Math.Log(1.0 + x));
        var c2 = Math.Sqrt(gamma / (2.0 * aPerSecond * delta * kappa) * growth);
        return (c1, c2);
    }

    /// <summary>The depths for inventory <paramref name="q"/> (in units of Δ) and volatility σ (bps per √s).</summary>
    public static GlftDepths Depths(double gamma, double kappa, double aPerSecond, double delta, double sigmaBpsPerSqrtSecond, double q)
    {
        var (c1, c2) = Coefficients(gamma, kappa, aPerSecond, delta);
        var half = c1 + (delta / 2.0 * c2 * sigmaBpsPerSqrtSecond);
        var skew = c2 * sigmaBpsPerSqrtSecond;
        return new GlftDepths(c1, c2, half, skew, half + (skew * q), half - (skew * q));
    }
}
