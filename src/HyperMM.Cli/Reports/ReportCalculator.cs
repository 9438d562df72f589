using HyperMM.Cli.Output;
using HyperMM.Core.Accounting;

namespace HyperMM.Cli.Reports;

/// <summary>
/// A report's numbers are the ledger's: each part (run or segment) of a strategy is replayed into a
/// <see cref="TradeLedger"/> (the same one the live strategy and the backtest keep), the parts are combined with
/// <see cref="LedgerFigures.Combine"/>, and the cumulative PnL path is read off the ledger after every entry,
/// continuing from one part to the next.
/// </summary>
public static class ReportCalculator
{
    public static StrategyReport Compute(StrategyReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var points = new List<PnlPoint>();
        var parts = new List<FiguresPart>(data.Windows.Count);
        decimal spread = 0m, inventory = 0m, fees = 0m;
        for (var i = 0; i < data.Windows.Count; i++)
        {
            var window = data.Windows[i];
            var part = i;
            var (s0, i0, f0) = (spread, inventory, fees);
            points.Add(new PnlPoint(window.OpenedMs, s0, i0, f0, part));
            var ledger = window.Replay((l, e) => points.Add(new PnlPoint(e.TimeMs, s0 + l.SpreadCapture, i0 + l.InventoryPnl, f0 + l.Fees, part)));
            var figures = ledger.Figures(window.AsOfMs, window.Counters);
            points.Add(new PnlPoint(window.AsOfMs, s0 + figures.SpreadCapture, i0 + figures.InventoryPnl, f0 + figures.Fees, part));
            (spread, inventory, fees) = (s0 + figures.SpreadCapture, i0 + figures.InventoryPnl, f0 + figures.Fees);
            parts.Add(new FiguresPart(window.Label, window.OpenedMs, window.AsOfMs, figures));
        }

        var total = LedgerFigures.Combine([.. parts.Select(p => p.Figures)]);
        var figuresOut = new StrategyFigures(data.Name, data.Coin, data.Run, data.FromMs, data.ToMs, total, data.Run is null ? "segments" : "runs", parts);
        return new StrategyReport(data, figuresOut, points);
    }
}
