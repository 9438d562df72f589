namespace HyperMM.Core.Model;

/// <summary>
/// Inventory size skew with one parameter η ≥ 0: bid = base · e^(-η·q), ask = base · e^(η·q), q in [-1, 1].
/// Long inventory (q &gt; 0) shrinks the bid and grows the ask; short does the reverse; sizes are never negative and
/// η = 0 quotes the base size on both sides. (Exponential skew as in Fushimi, González Rojas and Herman, 2018.)
/// </summary>
public static class SizeSkew
{
    public static double BidMultiplier(double q, double eta) => Math.Exp(-eta * q);

    public static double AskMultiplier(double q, double eta) => Math.Exp(eta * q);
}
