using HyperMM.Core.Market;

namespace HyperMM.Core.Model;

/// <summary>
/// The state of Stoikov's micro-price (2018, "The micro-price: a high-frequency estimator of future prices",
/// Quantitative Finance 18(12), §2): the touch imbalance I = Qb / (Qb + Qa) cut into n equal buckets, and the spread in
/// ticks. One definition for the fit (<c>hypermm calibrate</c>) and the quote (<see cref="MicroPriceTable"/>).
/// </summary>
public static class MicroPrice
{
    /// <summary>I = bid size / (bid size + ask size) at the touch, in [0, 1]; NaN when both are empty.</summary>
    public static double Imbalance(decimal bidSize, decimal askSize)
    {
        var total = bidSize + askSize;
        return total > 0m && bidSize >= 0m && askSize >= 0m ? (double)(bidSize / total) : double.NaN;
    }

    /// <summary>
    /// The bucket of I = Qb / (Qb + Qa) among <paramref name="buckets"/> equal ones, cut symmetrically about 0.5:
    /// floor(n · Qb / (Qb + Qa)) when Qb ≤ Qa, else n − 1 − floor(n · Qa / (Qb + Qa)). Swapping the sizes always gives the
    /// mirror bucket n − 1 − k (the same decimal expression is evaluated both ways, so edges mirror exactly; with an odd
    /// n the middle bucket holds I = 0.5 and is its own mirror, with an even n equal sizes sit in bucket n/2). Equal
    /// widths rather than the paper's quantiles so a table means the same on any data. −1 when both sizes are 0.
    /// </summary>
    public static int Bucket(decimal bidSize, decimal askSize, int buckets)
    {
        var total = bidSize + askSize;
        if (!(total > 0m) || bidSize < 0m || askSize < 0m)
        {
            return -1;
        }

        return bidSize <= askSize
            ? Math.Min((int)Math.Floor(buckets * bidSize / total), buckets - 1)
            : buckets - 1 - Math.Min((int)Math.Floor(buckets * askSize / total), buckets - 1);
    }

    /// <summary>The spread in ticks, rounded to the nearest whole tick (0 for a locked or crossed book).</summary>
    public static int SpreadTicks(TopOfBook top, decimal tick) =>
        tick > 0m && top.AskPrice > top.BidPrice ? (int)Math.Round((top.AskPrice - top.BidPrice) / tick, MidpointRounding.AwayFromZero) : 0;
}
