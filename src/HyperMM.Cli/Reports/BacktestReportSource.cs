using HyperMM.Simulation.Backtest;

namespace HyperMM.Cli.Reports;

/// <summary>
/// The same report for a backtest as for a live run: maps <see cref="BacktestResult"/>s onto <see cref="ReportData"/>
/// (each segment's ledger entries to replay, fills, quotes with their pressure stage, inventory against the cap), so
/// <see cref="ReportWriter"/> draws the same tables, charts, page and summary.json.
/// </summary>
public static class BacktestReportSource
{
    public static ReportData Build(string dataPath, IReadOnlyList<(BacktestResult Result, decimal Cap)> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var strategies = runs.Select(r => Strategy(r.Result, r.Cap)).ToList();
        return new ReportData("HyperMM backtest report", "backtest of " + dataPath, "backtest", dataPath, strategies);
    }

    private static StrategyReportData Strategy(BacktestResult r, decimal cap) => new(
        r.Strategy,
        r.Coin.Name,
        null,
        r.StartMs,
        r.EndMs,
        [.. r.Segments.Where(s => s.Skipped is null).Select(s => s.Window)],
        [.. r.Fills.Select(f => new ReportFill(f.TimeMs, f.Side, f.Price, f.Size, f.Fee, !f.Maker, f.MidAtFill, f.PositionAfter))],
        [.. r.Quotes.Select(q => new QuoteSample(q.TimeMs, q.Mid, q.Bid, q.Ask, q.SpreadBps, q.PressureStage > 0 ? QuoteSample.FillPressureMode : "Quoting"))],
        [.. r.Inventory.Select(p => new InventorySample(p.TimeMs, p.Position, cap))]);
}
