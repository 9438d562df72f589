using HyperMM.Core.Primitives;
using ScottPlot;

namespace HyperMM.Cli.Reports;

/// <summary>
/// The four report charts of a strategy, drawn with ScottPlot to PNG: mid with our bid/ask and fills, inventory
/// against its cap, cumulative PnL split into spread capture and inventory (and net of fees), and the quoted spread
/// in bps. Times on the x axis are UTC.
/// </summary>
public static class ReportCharts
{
    public const int Width = 1200;
    public const int Height = 450;

    /// <summary>File names (without folder) of the charts <see cref="Render"/> writes for a strategy.</summary>
    public static IReadOnlyList<string> FileNames(string strategy) =>
        [$"{strategy}-price.png", $"{strategy}-inventory.png", $"{strategy}-pnl.png", $"{strategy}-spread.png"];

    /// <summary>The four charts of a strategy as PNG bytes, in the order of <see cref="FileNames"/>.</summary>
    public static IReadOnlyList<byte[]> RenderAll(StrategyReport report) => [Price(report), Inventory(report), Pnl(report), Spread(report)];

    public static byte[] Price(StrategyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var d = report.Data;
        var plot = NewPlot($"{d.Name} ({d.Coin}): mid, our bid/ask and fills", "price");
        var q = d.Quotes;
        var parts = Parts(d, q.Select(x => x.TimeMs));
        Line(plot, q.Select(x => x.TimeMs), q.Select(x => (double)x.Mid), "mid", Colors.Black, step: false, parts);
        Line(plot, q.Select(x => x.TimeMs), q.Select(x => (double)x.Bid), "our bid", Colors.ForestGreen, step: true, parts);
        Line(plot, q.Select(x => x.TimeMs), q.Select(x => (double)x.Ask), "our ask", Colors.FireBrick, step: true, parts);
        Points(plot, d.Fills.Where(f => f.Side == Side.Buy), "buy fill", MarkerShape.FilledTriangleUp, Colors.Green);
        Points(plot, d.Fills.Where(f => f.Side == Side.Sell), "sell fill", MarkerShape.FilledTriangleDown, Colors.Red);
        return Finish(plot, q.Count + d.Fills.Count);
    }

    public static byte[] Inventory(StrategyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var d = report.Data;
        var plot = NewPlot($"{d.Name}: inventory vs cap ({d.Coin})", "position");
        var s = d.Inventory;
        var parts = Parts(d, s.Select(x => x.TimeMs));
        Line(plot, s.Select(x => x.TimeMs), s.Select(x => (double)x.Position), "position", Colors.Navy, step: true, parts);
        Line(plot, s.Select(x => x.TimeMs), s.Select(x => (double)x.Cap), "+cap", Colors.Gray, step: true, parts);
        Line(plot, s.Select(x => x.TimeMs), s.Select(x => -(double)x.Cap), "-cap", Colors.Gray, step: true, parts);
        return Finish(plot, s.Count);
    }

    public static byte[] Pnl(StrategyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var d = report.Data;
        var plot = NewPlot($"{d.Name}: cumulative PnL = spread capture + inventory − fees (USD)", "USD");
        var p = report.Pnl;
        Line(plot, p.Select(x => x.TimeMs), p.Select(x => (double)x.SpreadCapture), "spread capture", Colors.ForestGreen, step: true, p.Select(x => x.Part));
        Line(plot, p.Select(x => x.TimeMs), p.Select(x => (double)x.InventoryPnl), "inventory", Colors.DarkOrange, step: true, p.Select(x => x.Part));
        Line(plot, p.Select(x => x.TimeMs), p.Select(x => -(double)x.Fees), "− fees", Colors.Gray, step: true, p.Select(x => x.Part));
        Line(plot, p.Select(x => x.TimeMs), p.Select(x => (double)x.Total), "total", Colors.Black, step: true, p.Select(x => x.Part));
        return Finish(plot, p.Count);
    }

    public static byte[] Spread(StrategyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var d = report.Data;
        var plot = NewPlot($"{d.Name}: quoted spread (bps)", "bps");
        Line(plot, d.Quotes.Select(x => x.TimeMs), d.Quotes.Select(x => x.SpreadBps), "spread", Colors.Purple, step: true, Parts(d, d.Quotes.Select(x => x.TimeMs)));
        return Finish(plot, d.Quotes.Count);
    }

    private static Plot NewPlot(string title, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.YLabel(yLabel);
        plot.Axes.DateTimeTicksBottom();
        return plot;
    }

    private static double X(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToOADate();

    /// <summary>The part (run or segment) each time belongs to: the last one opened at or before it.</summary>
    private static IReadOnlyList<int> Parts(StrategyReportData d, IEnumerable<long> times)
    {
        var starts = d.Windows.Select(w => w.OpenedMs).ToList();
        return [.. times.Select(t => Math.Max(0, starts.FindLastIndex(s => s <= t)))];
    }

    /// <summary>One line per part: no segment is drawn across the gap between two runs or segments.</summary>
    private static void Line(Plot plot, IEnumerable<long> times, IEnumerable<double> values, string label, Color color, bool step, IEnumerable<int> parts)
    {
        var points = times.Select(X).Zip(values, parts).ToList();
        var labelled = false;
        foreach (var group in points.GroupBy(p => p.Third))
        {
            var xs = group.Select(p => p.First).ToArray();
            var ys = group.Select(p => p.Second).ToArray();
            var line = plot.Add.ScatterLine(xs, ys, color);
            line.LegendText = labelled ? string.Empty : label;
            labelled = true;
            line.LineWidth = 2;
            if (step)
            {
                line.ConnectStyle = ConnectStyle.StepHorizontal;
            }
        }
    }

    private static void Points(Plot plot, IEnumerable<ReportFill> fills, string label, MarkerShape shape, Color color)
    {
        var list = fills.ToList();
        if (list.Count == 0)
        {
            return;
        }

        var markers = plot.Add.Markers(list.Select(f => X(f.TimeMs)).ToArray(), list.Select(f => (double)f.Price).ToArray(), shape, 9, color);
        markers.LegendText = label;
    }

    private static byte[] Finish(Plot plot, int points)
    {
        if (points == 0)
        {
            plot.Add.Annotation("no data in this window");
        }
        else
        {
            plot.ShowLegend(Alignment.UpperLeft);
        }

        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
