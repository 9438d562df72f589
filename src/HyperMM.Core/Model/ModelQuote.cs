using HyperMM.Core.Primitives;

namespace HyperMM.Core.Model;

/// <summary>
/// What a quoting model wants on the book, with what every model has (mid, its centre, its spread, its fill-pressure
/// stage) and its own decomposition (<see cref="Terms"/>, in order). <see cref="Orders"/> are bids then asks, each side
/// nearest the mid first (<see cref="SideQuote.Level"/> 0, 1, ...); a side the model would quote but cannot (at the
/// cap, below the venue minimum) stays in the list with size 0 and its status, so displays can say why.
/// </summary>
/// <param name="Mid">(best bid + best ask) / 2; 0 without a two-sided book.</param>
/// <param name="FairValue">The price the model quotes around (Avellaneda-Stoikov: the reservation price).</param>
/// <param name="BaseSpreadBps">The model's spread before fill pressure, bps of mid.</param>
/// <param name="SpreadBps">The spread it quotes (after fill pressure), bps of mid.</param>
/// <param name="Stage">Fill-pressure stage (0: normal).</param>
/// <param name="Sigma2HorizonBps2">The volatility the quote used, bps².</param>
/// <param name="Q">Position as a fraction of the cap, in [-1, 1].</param>
public sealed record ModelQuote(
    decimal Mid,
    decimal FairValue,
    double BaseSpreadBps,
    double SpreadBps,
    int Stage,
    double Sigma2HorizonBps2,
    double Q,
    IReadOnlyList<SideQuote> Orders,
    IReadOnlyList<QuoteTerm> Terms)
{
    public bool InFillPressure => Stage > 0;

    /// <summary>The centre's offset from mid, bps (0 without a market).</summary>
    public double FairValueOffsetBps => Mid == 0m ? 0.0 : (double)((FairValue - Mid) / Mid) * Bps.PerUnit;

    /// <summary>The side's level-0 order (quoted or not), or null when the model has none on that side.</summary>
    public SideQuote? Nearest(Side side)
    {
        foreach (var order in Orders)
        {
            if (order.Side == side)
            {
                return order;
            }
        }

        return null;
    }

    /// <summary>The orders of one side, nearest first.</summary>
    public IEnumerable<SideQuote> OnSide(Side side) => Orders.Where(o => o.Side == side);

    /// <summary>(best quoted ask − best quoted bid) / mid in bps on venue prices; 0 unless both sides are quoted.</summary>
    public double QuotedSpreadBps => Mid != 0m && Nearest(Side.Buy) is { IsQuoted: true } bid && Nearest(Side.Sell) is { IsQuoted: true } ask
        ? (double)((ask.Price - bid.Price) / Mid) * Bps.PerUnit
        : 0.0;

    /// <summary>A term by key, or null.</summary>
    public QuoteTerm? Term(string key)
    {
        foreach (var term in Terms)
        {
            if (term.Key == key)
            {
                return term;
            }
        }

        return null;
    }
}
