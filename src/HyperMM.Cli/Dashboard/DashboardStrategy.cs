namespace HyperMM.Cli.Dashboard;

/// <summary>
/// One strategy on the dashboard: the newest quote and snapshot, the fill count and volume straight from the fills
/// table (so a fill shows as soon as it is journaled), and the recent series for the charts.
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
    IReadOnlyList<DashboardValuePoint> PnlSeries);
