namespace HyperMM.Cli.Reports;

/// <summary>Cumulative PnL parts at one time: spread capture, inventory PnL, fees paid, and their net total.</summary>
public sealed record PnlPoint(long TimeMs, decimal SpreadCapture, decimal InventoryPnl, decimal Fees)
{
    public decimal Total => SpreadCapture + InventoryPnl - Fees;
}
