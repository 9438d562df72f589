namespace HyperMM.Simulation.Backtest;

/// <summary>
/// Per-strategy figures of a backtest. PnL in USDC: <see cref="NetPnl"/> = realised + unrealised − fees, unrealised at
/// the final mid. <see cref="SpreadCaptured"/>: Σ over maker fills of |fill price − mid at fill| × size.
/// <see cref="ClientBugRejections"/> counts tick/lot/size rejections (must be 0); <see cref="RejectionReasons"/> lists
/// every rejection reason with its count ("PostOnlyWouldCross 12, OrderNotFound 3").
/// </summary>
public sealed record BacktestSummary(
    long Fills,
    long MakerFills,
    decimal Volume,
    decimal RealizedPnl,
    decimal UnrealizedPnl,
    decimal Fees,
    decimal NetPnl,
    decimal SpreadCaptured,
    decimal FinalPosition,
    decimal MaxAbsInventory,
    decimal TimeWeightedAbsInventory,
    double FillPressureSeconds,
    long RequestsSent,
    long Requotes,
    double QuotesPerMinute,
    long Rejections,
    long ClientBugRejections,
    string RejectionReasons,
    double DurationSeconds);
