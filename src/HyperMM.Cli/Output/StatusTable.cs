using System.Globalization;
using HyperMM.Cli.Hosting;
using HyperMM.Core.Primitives;
using HyperMM.Core.Accounting;
using HyperMM.Core.Strategy;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace HyperMM.Cli.Output;

/// <summary>
/// The per-strategy table of a run: live (refreshed in place) and as the final summary. Money columns are the
/// ledger's figures carried by the status (total = spread capture + inventory PnL − fees).
/// <para>
/// Layout: every row is one line, columns one space apart, no borders. Below <see cref="WideFromColumns"/> terminal
/// columns the compact layout fits 120 columns (prices only, position without the cap, total PnL in cents); from it
/// the wide layout adds the reservation price, quote sizes, the cap, the PnL attribution and, in the summary, the
/// 10 s markout, fills at a stale mid and invalid books. Every column is as wide as its widest cell and no cell
/// wraps, so a number is never broken; the notes column takes what is left and is cut with an ellipsis. Errors are
/// summarised: the number of rejections with the most frequent reason, then the last note. A last row totals the
/// fills, PnL and requests and shows the elapsed time.
/// </para>
/// </summary>
public static class StatusTable
{
    /// <summary>Terminal width from which the wide layout is used.</summary>
    public const int WideFromColumns = 170;

    private const int MinNotesWidth = 12;

    private static readonly Column[] Columns =
    [
        new("strategy", r => r.Name, Left: true),
        new("mode", r => r.Mode, Left: true),
        new("mid", r => r.Quote is { } q ? D(q.Mid) : "-"),
        new("reservation", r => r.Quote is { } q ? Sig(q.FairValue, 7) : "-", Wide: true),
        new("bid", r => r.Quote?.Nearest(Side.Buy) is { IsQuoted: true } b ? (r.IsWide ? $"{D(b.Size)} @ {D(b.Price)}" : D(b.Price)) : "-"),
        new("ask", r => r.Quote?.Nearest(Side.Sell) is { IsQuoted: true } a ? (r.IsWide ? $"{D(a.Size)} @ {D(a.Price)}" : D(a.Price)) : "-"),
        new("bps", r => r.Quote is { } q ? q.SpreadBps.ToString("0.0", CultureInfo.InvariantCulture) : "-"),
        new("pos", r => r.Status is { } s ? D(s.Position) : "-", Narrow: true),
        new("position / cap", r => r.Status is { } s ? $"{D(s.Position)} / {D(s.MaxAbsPosition)}" : "-", Wide: true),
        new("fills", r => r.Figures?.Fills.ToString(CultureInfo.InvariantCulture) ?? "-"),
        new("spread cap.", r => r.Figures is { } f ? FigureRows.D(f.SpreadCapture, 4) : "-", Wide: true),
        new("inventory", r => r.Figures is { } f ? FigureRows.D(f.InventoryPnl, 4) : "-", Wide: true),
        new("fees", r => r.Figures is { } f ? FigureRows.D(f.Fees, 4) : "-", Wide: true),
        new("PnL", r => r.Figures is { } f ? FigureRows.D(f.TotalPnl, r.IsWide ? 4 : 2) : "-"),
        new("reqs", r => r.Figures?.Counters.Requests.ToString(CultureInfo.InvariantCulture) ?? "-"),
        new("markout 10s", r => r.Figures?.Markout(10)?.Bps is { } m ? FigureRows.D(m, 2) + " bps" : "n/a", Wide: true, Final: true),
        new("stale fills", r => r.Figures?.StaleMidFills.ToString(CultureInfo.InvariantCulture) ?? "-", Wide: true, Final: true),
        new("bad books", r => r.Figures?.Counters.InvalidBooks.ToString(CultureInfo.InvariantCulture) ?? "-", Wide: true, Final: true),
        new("left", r => r.OrdersLeft, Final: true),
    ];

    /// <summary>The table for a console <paramref name="width"/> columns wide, <paramref name="elapsed"/> into the run.</summary>
    public static Table Build(IReadOnlyList<SlotSnapshot> slots, bool final, int width, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(slots);
        var wide = width >= WideFromColumns;
        var columns = Columns.Where(c => (wide ? !c.Narrow : !c.Wide) && (final || !c.Final)).ToList();
        var rows = slots.Select(slot => columns.Select(c => c.Value(new SlotView(slot, wide))).ToList()).ToList();
        var total = TotalCells(slots, columns, elapsed, wide);
        var notes = slots.Select(Notes).Append(TotalNote(slots)).ToList();

        // every column as wide as its widest cell, one space between columns; the notes get what is left
        var used = columns.Select((c, i) => rows.Select(r => Markup.Remove(r[i]).Length).Append(total[i].Length).Append(c.Header.Length).Max()).Sum() + columns.Count;
        var notesWidth = Math.Max(MinNotesWidth, width - used - 1);
        var table = new Table().Border(TableBorder.None).HideRowSeparators();
        foreach (var column in columns)
        {
            var header = new TableColumn(new Markup("[bold]" + Markup.Escape(column.Header) + "[/]")).NoWrap().Padding(0, 0, 1, 0);
            table.AddColumn(column.Left ? header.LeftAligned() : header.RightAligned());
        }

        table.AddColumn(new TableColumn(new Markup("[bold]notes[/]")).NoWrap().Padding(0, 0, 0, 0).Width(notesWidth));
        for (var i = 0; i < rows.Count; i++)
        {
            table.AddRow([.. rows[i].Select(Cell), new Text(Cut(notes[i], notesWidth))]);
        }

        table.AddRow([.. total.Select(text => (IRenderable)new Markup("[bold]" + Markup.Escape(text) + "[/]")), new Text(Cut(notes[^1], notesWidth))]);
        return table;
    }

    /// <summary>"3 rejected (OrderNotFound 2); last: …", the failure of a strategy that stopped, or empty.</summary>
    public static string Notes(SlotSnapshot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        if (slot.Error is { } failure)
        {
            return "failed: " + failure;
        }

        var s = slot.Status;
        var counters = s?.Figures.Counters;
        var rejected = counters is { RejectionCount: > 0 } c
            ? string.Create(CultureInfo.InvariantCulture, $"{c.RejectionCount} rejected ({c.RejectionsRanked.First().Key} {c.RejectionsRanked.First().Value})")
            : null;
        var last = s?.LastError is { Length: > 0 } note ? "last: " + OneLine(note) : null;
        return string.Join("; ", new[] { rejected, last }.Where(x => x is not null));
    }

    /// <summary>Elapsed time as the table shows it: "42s", "3m05s", "2h03m".</summary>
    public static string Elapsed(TimeSpan elapsed) =>
        elapsed.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalHours}h{elapsed.Minutes:00}m")
        : elapsed.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalMinutes}m{elapsed.Seconds:00}s")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)elapsed.TotalSeconds)}s");

    private static List<string> TotalCells(IReadOnlyList<SlotSnapshot> slots, List<Column> columns, TimeSpan elapsed, bool wide)
    {
        var figures = slots.Select(s => s.Status?.Figures).OfType<LedgerFigures>().ToList();
        return [.. columns.Select(c => c.Header switch
        {
            "strategy" => "total",
            "mode" => Elapsed(elapsed),
            "fills" => figures.Sum(f => f.Fills).ToString(CultureInfo.InvariantCulture),
            "PnL" => FigureRows.D(figures.Sum(f => f.TotalPnl), wide ? 4 : 2),
            "spread cap." => FigureRows.D(figures.Sum(f => f.SpreadCapture), 4),
            "inventory" => FigureRows.D(figures.Sum(f => f.InventoryPnl), 4),
            "fees" => FigureRows.D(figures.Sum(f => f.Fees), 4),
            "reqs" => figures.Sum(f => f.Counters.Requests).ToString(CultureInfo.InvariantCulture),
            "left" => slots.All(s => s.OrdersLeft is not null) ? slots.Sum(s => s.OrdersLeft!.Value).ToString(CultureInfo.InvariantCulture) : "?",
            _ => string.Empty,
        })];
    }

    private static string TotalNote(IReadOnlyList<SlotSnapshot> slots)
    {
        var rejected = slots.Sum(s => s.Status?.Figures.Counters.RejectionCount ?? 0);
        return rejected == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"{rejected} rejected in all");
    }

    /// <summary>Cuts a note to <paramref name="width"/> characters, marking the cut with an ellipsis.</summary>
    private static string Cut(string text, int width) => text.Length <= width ? text : string.Concat(text.AsSpan(0, width - 1), "…");

    /// <summary>A price with at most <paramref name="figures"/> significant figures (the reservation is a model price).</summary>
    private static string Sig(decimal d, int figures)
    {
        var integerDigits = Math.Abs(d) < 1m ? 1 : (int)Math.Floor(Math.Log10((double)Math.Abs(d))) + 1;
        return D(decimal.Round(d, Math.Max(0, figures - integerDigits)));
    }

    private static IRenderable Cell(string text) => text.StartsWith('[') ? new Markup(text) : new Text(text);

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static string Mode(SlotSnapshot slot, StrategyStatus? s)
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
            StrategyMode.FillPressure => $"[aqua]pressure {s.Quote?.Stage}[/]",
            { } m => m.ToString(),
        };
    }

    private static string D(decimal d) => d.ToString("0.########", CultureInfo.InvariantCulture);

    /// <summary>One strategy as the columns read it.</summary>
    private sealed class SlotView(SlotSnapshot slot, bool wide)
    {
        public string Name => slot.Name;

        public string Mode => StatusTable.Mode(slot, slot.Status);

        public bool IsWide => wide;

        public StrategyStatus? Status => slot.Status;

        public Core.Model.ModelQuote? Quote => slot.Status?.Quote;

        public LedgerFigures? Figures => slot.Status?.Figures;

        public string OrdersLeft => slot.OrdersLeft?.ToString(CultureInfo.InvariantCulture) ?? "?";
    }

    private sealed record Column(string Header, Func<SlotView, string> Value, bool Wide = false, bool Final = false, bool Left = false, bool Narrow = false);
}
