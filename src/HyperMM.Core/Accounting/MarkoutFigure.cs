namespace HyperMM.Core.Accounting;

/// <summary>
/// Markout at one horizon: Σ q·(mid at fill time + horizon − price) over the fills whose horizon has passed
/// (<see cref="Fills"/>), in USD and in bps of their notional. Fills whose horizon runs past the end of the data
/// (<see cref="PendingFills"/>) are left out of both sums. Fees are not included.
/// </summary>
public sealed record MarkoutFigure(int Seconds, long Fills, long PendingFills, decimal PnlUsd, decimal NotionalUsd)
{
    /// <summary>PnL per traded notional in bps, or null when no fill's horizon has passed.</summary>
    public decimal? Bps => NotionalUsd == 0m ? null : PnlUsd / NotionalUsd * 10_000m;
}
