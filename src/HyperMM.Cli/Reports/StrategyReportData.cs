namespace HyperMM.Cli.Reports;

/// <summary>
/// One strategy's raw material for a report, every series in time order (Unix milliseconds).
/// <see cref="FromMs"/>/<see cref="ToMs"/> bound the window the metrics are averaged over.
/// </summary>
public sealed record StrategyReportData(
    string Name,
    string Coin,
    long FromMs,
    long ToMs,
    IReadOnlyList<ReportFill> Fills,
    IReadOnlyList<QuoteSample> Quotes,
    IReadOnlyList<InventorySample> Inventory,
    IReadOnlyList<RejectionCount> Rejections,
    long OrdersPlaced,
    long RequestsUsed);
