using HyperMM.Core.Market;

namespace HyperMM.Core.Model;

/// <summary>
/// Everything a quoting model may read for one quote.
/// </summary>
/// <param name="Top">The last valid top of book (default when there is none).</param>
/// <param name="Book">The last valid L2 book (levels for imbalance or depth), or null before the first.</param>
/// <param name="Position">Signed position, coin units.</param>
/// <param name="UnsettledBidSize">Bid size whose fate is not settled (sent and unanswered, or unclear): it may be on the
/// book and the planner does not plan over it, so it counts against the caps.</param>
/// <param name="UnsettledAskSize">The same for asks.</param>
/// <param name="Market">Volatility and other market statistics.</param>
/// <param name="SecondsWithoutFill">Seconds since the last fill (before the first: since the strategy could first quote).</param>
/// <param name="NowMs">The loop's time, Unix ms.</param>
public readonly record struct QuoteContext(
    TopOfBook Top,
    OrderBookSnapshot? Book,
    decimal Position,
    decimal UnsettledBidSize,
    decimal UnsettledAskSize,
    MarketStatistics Market,
    double SecondsWithoutFill,
    long NowMs);
