using System.Globalization;
using HyperMM.Cli.Output;

namespace HyperMM.Cli.Reports;

/// <summary>The summary table of a report: one row per metric, one column per strategy (plain text, diffable).</summary>
public static class ReportTables
{
    /// <summary>(label, value) rows of one strategy, in the order the table and the HTML page show them.</summary>
    public static IReadOnlyList<(string Label, string Value)> Rows(StrategyMetrics m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var rejections = m.Rejections.Count == 0 ? "none" : string.Join(", ", m.Rejections.Select(r => $"{r.Reason} {r.Count}"));
        return
        [
            ("coin", m.Coin),
            ("fills", I(m.Fills)),
            ("of which taker", I(m.TakerFills)),
            ("volume (USD)", D(m.Volume, 2)),
            ("realised PnL", D(m.RealizedPnl, 4)),
            ("unrealised PnL", D(m.UnrealizedPnl, 4)),
            ("fees", D(m.Fees, 4)),
            ("spread capture", D(m.SpreadCapture, 4)),
            ("spread captured per fill", $"{D(m.SpreadCapturePerFill, 4)} ({F(m.SpreadCaptureBps, 2)} bps)"),
            ("inventory PnL", D(m.InventoryPnl, 4)),
            ("total PnL (net of fees)", D(m.TotalPnl, 4)),
            ("final position", D(m.FinalPosition, 6)),
            ("mark mid", D(m.MarkMid, 6)),
            ("max |inventory|", D(m.MaxAbsInventory, 6)),
            ("time-weighted |inventory|", F(m.TimeWeightedAbsInventory, 6)),
            ("fill rate", $"{F(m.FillsPerHour, 2)}/h, {F(m.FillsPerOrder, 3)} per order"),
            ("median time between fills", m.MedianSecondsBetweenFills is { } g ? F(g, 1) + " s" : "n/a"),
            ("time in fill pressure", $"{F(m.SecondsInFillPressure, 0)} s ({F(m.FillPressureFraction * 100, 1)}%)"),
            ("window", F(m.WindowSeconds, 0) + " s"),
            ("orders placed", I(m.OrdersPlaced)),
            ("rejections", rejections),
            ("requests used", I(m.RequestsUsed)),
        ];
    }

    public static string Text(IReadOnlyList<StrategyReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        if (reports.Count == 0)
        {
            return "no strategy in the journal for this selection\n";
        }

        var table = new TextTable(["metric", .. reports.Select(r => r.Metrics.Name)]);
        var rows = reports.Select(r => Rows(r.Metrics)).ToList();
        for (var i = 0; i < rows[0].Count; i++)
        {
            table.Add([rows[0][i].Label, .. rows.Select(r => r[i].Value)]);
        }

        return table.ToString();
    }

    private static string D(decimal d, int places) => Math.Round(d, places, MidpointRounding.AwayFromZero).ToString("F" + places.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string F(double d, int places) => d.ToString("F" + places.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string I(long n) => n.ToString(CultureInfo.InvariantCulture);
}
