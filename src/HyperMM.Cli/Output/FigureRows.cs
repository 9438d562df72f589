using System.Globalization;
using HyperMM.Core.Accounting;

namespace HyperMM.Cli.Output;

/// <summary>
/// The ledger's figures as (label, value) rows, in the order every text surface shows them (backtest table, report
/// table and page). Definitions: docs/OPERATIONS.md, "Figures".
/// </summary>
public static class FigureRows
{
    public static IReadOnlyList<(string Label, string Value)> Rows(LedgerFigures f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var c = f.Counters;
        var rows = new List<(string, string)>
        {
            ("fills (taker)", F($"{f.Fills} ({f.TakerFills})")),
            ("fills at a stale mid", F($"{f.StaleMidFills}")),
            ("volume USD", D(f.VolumeUsd, 2)),
            ("spread capture", f.SpreadCaptureBps is { } bps ? F($"{D(f.SpreadCapture, 4)} ({D(bps, 2)} bps)") : D(f.SpreadCapture, 4)),
            ("inventory PnL", D(f.InventoryPnl, 4)),
            ("fees", D(f.Fees, 4)),
            ("total PnL", D(f.TotalPnl, 4)),
            ("realised PnL", D(f.RealizedPnl, 4)),
            ("unrealised PnL", D(f.UnrealizedPnl, 4)),
            ("final position @ mark", F($"{f.Position.ToString(CultureInfo.InvariantCulture)} @ {f.Mark.ToString(CultureInfo.InvariantCulture)}")),
        };
        foreach (var m in f.Markouts)
        {
            var value = m.Bps is { } b ? F($"{D(b, 2)} bps ({m.Fills} fills)") : "n/a";
            rows.Add((F($"markout {m.Seconds} s"), m.PendingFills > 0 ? F($"{value}, {m.PendingFills} past the end") : value));
        }

        rows.AddRange(
        [
            ("max |inventory|", f.MaxAbsPosition.ToString(CultureInfo.InvariantCulture)),
            ("time-weighted |inventory|", D(f.TimeWeightedAbsPosition, 6)),
            ("fill rate", F($"{f.FillsPerHour:0.00}/h, {f.FillsPerOrder:0.000} per order")),
            ("time in fill pressure", F($"{c.FillPressureMs / 1000.0:0.0} s ({f.FillPressureFraction * 100:0.0} %)")),
            ("window", F($"{f.WindowMs / 1000.0:0.0} s")),
            ("requests sent", F($"{c.Requests}")),
            ("requotes", F($"{c.Requotes}")),
            ("orders placed", F($"{c.OrdersPlaced}")),
            ("rejections", Rejections(c)),
            ("invalid books", F($"{c.InvalidBooks}")),
            ("position adjustments", F($"{f.Adjustments}")),
        ]);
        return rows;
    }

    /// <summary>"PostOnlyWouldCross 12, OrderNotFound 3", or "none".</summary>
    public static string Rejections(LedgerCounters counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        return counters.RejectionCount == 0 ? "none" : string.Join(", ", counters.RejectionsRanked.Select(r => F($"{r.Key} {r.Value}")));
    }

    /// <summary>Rounded half away from zero to <paramref name="places"/>, invariant culture.</summary>
    public static string D(decimal d, int places) =>
        Math.Round(d, places, MidpointRounding.AwayFromZero).ToString("F" + places.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
