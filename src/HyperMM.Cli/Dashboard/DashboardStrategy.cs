namespace HyperMM.Cli.Dashboard;

/// <summary>
/// One strategy on the dashboard for the runs shown: the ledger's figures (fills, volume, PnL and its parts, fees,
/// markout, requests), the newest snapshot's mode, position, cap and last error, and the recent series for the charts.
/// </summary>
public sealed record DashboardStrategy(
    string Name,
    string Coin,
    string Mode,
    long? UpdatedMs,
    decimal? Mid,
    decimal? Bid,
    decimal? Ask,
    double? SpreadBps,
    decimal Position,
    decimal Cap,
    long FillCount,
    decimal Volume,
    decimal Pnl,
    decimal Fees,
    long Requests,
    string? LastError,
    IReadOnlyList<DashboardQuotePoint> Quotes,
    IReadOnlyList<DashboardFillPoint> Fills,
    IReadOnlyList<DashboardValuePoint> Inventory,
    IReadOnlyList<DashboardValuePoint> PnlSeries)
{
    public decimal SpreadCapture { get; init; }

    public decimal InventoryPnl { get; init; }

    public decimal? Markout10sBps { get; init; }

    public long StaleMidFills { get; init; }

    public long InvalidBooks { get; init; }
}
