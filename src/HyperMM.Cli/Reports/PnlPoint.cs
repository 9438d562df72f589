namespace HyperMM.Cli.Reports;

/// <summary>
/// Cumulative PnL parts after one ledger entry: spread capture, inventory PnL, fees paid, and their net total.
/// <see cref="Part"/> is the index of the run or segment (charts do not draw a line from one part to the next).
/// </summary>
public sealed record PnlPoint(long TimeMs, decimal SpreadCapture, decimal InventoryPnl, decimal Fees, int Part = 0)
{
    public decimal Total => SpreadCapture + InventoryPnl - Fees;
}
