using System.Globalization;
using HyperMM.Cli.Hosting;
using HyperMM.Core.Strategy;
using Spectre.Console;

namespace HyperMM.Cli.Output;

/// <summary>
/// The per-strategy table of a run: live (refreshed in place) and as the final summary. Money columns are the
/// ledger's figures carried by the status (total = spread capture + inventory PnL − fees); the final summary adds
/// the 10 s markout, fills at a stale mid and invalid books.
/// </summary>
public static class StatusTable
{
    public static Table Build(IReadOnlyList<StrategySlot> slots, bool final)
    {
        ArgumentNullException.ThrowIfNull(slots);
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in new[] { "strategy", "mode", "mid", "reservation", "bid", "ask", "spread bps", "position / cap", "fills", "spread cap.", "inventory", "fees", "total PnL", "requests" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        if (final)
        {
            foreach (var column in new[] { "markout 10 s", "stale-mid fills", "invalid books", "orders left" })
            {
                table.AddColumn(new TableColumn(column).RightAligned());
            }
        }

        table.AddColumn("last error / note");
        foreach (var slot in slots)
        {
            var s = slot.Status;
            var q = s?.Quote;
            var cells = new List<string>
            {
                slot.Name,
                Mode(slot, s),
                q is { } qq ? D(qq.Mid) : "-",
                q is { } q1 ? D(decimal.Round(q1.ReservationPrice, 6)) : "-",
                q is { } q2 && q2.Bid.IsQuoted ? $"{D(q2.Bid.Size)} @ {D(q2.Bid.Price)}" : "-",
                q is { } q3 && q3.Ask.IsQuoted ? $"{D(q3.Ask.Size)} @ {D(q3.Ask.Price)}" : "-",
                q is { } q4 ? q4.SpreadBps.ToString("0.0#", CultureInfo.InvariantCulture) : "-",
                s is null ? "-" : $"{D(s.Position)} / {D(s.MaxAbsPosition)}",
                s?.Figures.Fills.ToString(CultureInfo.InvariantCulture) ?? "-",
                s is null ? "-" : Usd(s.Figures.SpreadCapture),
                s is null ? "-" : Usd(s.Figures.InventoryPnl),
                s is null ? "-" : Usd(s.Figures.Fees),
                s is null ? "-" : Usd(s.Figures.TotalPnl),
                s?.Figures.Counters.Requests.ToString(CultureInfo.InvariantCulture) ?? "-",
            };
            if (final)
            {
                cells.Add(s?.Figures.Markout(10)?.Bps is { } m ? FigureRows.D(m, 2) + " bps" : "n/a");
                cells.Add(s?.Figures.StaleMidFills.ToString(CultureInfo.InvariantCulture) ?? "-");
                cells.Add(s?.Figures.Counters.InvalidBooks.ToString(CultureInfo.InvariantCulture) ?? "-");
                cells.Add(slot.OrdersLeft?.ToString(CultureInfo.InvariantCulture) ?? "?");
            }

            cells.Add(Markup.Escape(slot.Error ?? s?.LastError ?? string.Empty));
            table.AddRow([.. cells.Select(c => c.StartsWith('[') ? (Spectre.Console.Rendering.IRenderable)new Markup(c) : new Text(c))]);
        }

        return table;
    }

    private static string Mode(StrategySlot slot, StrategyStatus? s)
    {
        if (slot.Error is not null)
        {
            return "[red]failed[/]";
        }

        return s?.Mode switch
        {
            null => "connecting",
            StrategyMode.Halted => "[red]halted[/]",
            StrategyMode.StaleData or StrategyMode.Resyncing => $"[yellow]{s.Mode}[/]",
            StrategyMode.FillPressure => $"[aqua]pressure {s.Quote?.PressureStage}[/]",
            { } m => m.ToString(),
        };
    }

    private static string D(decimal d) => d.ToString("0.########", CultureInfo.InvariantCulture);

    private static string Usd(decimal d) => FigureRows.D(d, 4);
}
