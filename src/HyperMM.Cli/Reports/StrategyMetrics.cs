namespace HyperMM.Cli.Reports;

/// <summary>
/// A strategy's summary numbers. PnL in quote currency (USD). The attribution identity holds exactly:
/// <c>SpreadCapture + InventoryPnl − Fees = TotalPnl = RealizedPnl + UnrealizedPnl − Fees</c>.
/// </summary>
public sealed record StrategyMetrics(
    string Name,
    string Coin,
    int Fills,
    int TakerFills,
    decimal Volume,
    decimal RealizedPnl,
    decimal UnrealizedPnl,
    decimal Fees,
    decimal SpreadCapture,
    decimal SpreadCapturePerFill,
    double SpreadCaptureBps,
    decimal InventoryPnl,
    decimal TotalPnl,
    decimal FinalPosition,
    decimal MarkMid,
    decimal MaxAbsInventory,
    double TimeWeightedAbsInventory,
    double FillsPerHour,
    double FillsPerOrder,
    double? MedianSecondsBetweenFills,
    double SecondsInFillPressure,
    double FillPressureFraction,
    double WindowSeconds,
    IReadOnlyList<RejectionCount> Rejections,
    long OrdersPlaced,
    long RequestsUsed);
