using System.Globalization;
using HyperMM.Simulation.Backtest;

namespace HyperMM.Cli.Reports;

/// <summary>
/// The same report for a backtest as for a live run: maps <see cref="BacktestResult"/>s onto <see cref="ReportData"/>
/// (fills with fees and mid at fill, quotes with their pressure stage, inventory against the cap, rejections by reason,
/// requests sent), so <see cref="ReportWriter"/> draws the same tables, charts and page.
/// </summary>
public static class BacktestReportSource
{
    public static ReportData Build(string dataPath, IReadOnlyList<(BacktestResult Result, decimal Cap)> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var strategies = runs.Select(r => Strategy(r.Result, r.Cap)).ToList();
        return new ReportData("HyperMM backtest report", "backtest of " + dataPath, strategies);
    }

    private static StrategyReportData Strategy(BacktestResult r, decimal cap) => new(
        r.Strategy,
        r.Coin.Name,
        r.StartMs,
        r.EndMs,
        [.. r.Fills.Select(f => new ReportFill(f.TimeMs, f.Side, f.Price, f.Size, f.Fee, !f.Maker, f.MidAtFill, f.PositionAfter))],
        [.. r.Quotes.Select(q => new QuoteSample(q.TimeMs, q.Mid, q.Bid, q.Ask, q.SpreadBps, q.PressureStage > 0 ? QuoteSample.FillPressureMode : "Quoting"))],
        [.. r.Inventory.Select(p => new InventorySample(p.TimeMs, p.Position, cap))],
        Rejections(r.Summary.RejectionReasons),
        r.Summary.Requotes,
        r.Summary.RequestsSent);

    /// <summary>Parses the summary's "Reason count, Reason count" list.</summary>
    public static IReadOnlyList<RejectionCount> Rejections(string reasons)
    {
        var list = new List<RejectionCount>();
        foreach (var part in (reasons ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var space = part.LastIndexOf(' ');
            if (space > 0 && long.TryParse(part[(space + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                list.Add(new RejectionCount(part[..space], count));
            }
        }

        return list;
    }
}
