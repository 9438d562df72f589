using System.Globalization;
using System.Text;
using HyperMM.Simulation.Backtest;

namespace HyperMM.Cli.Output;

/// <summary>Text, CSV and JSON output of <c>hypermm backtest</c>; every figure is the ledger's (<see cref="FigureRows"/>, <see cref="FiguresJson"/>).</summary>
public static class BacktestFormatter
{
    private static readonly string[] CsvHeader =
    [
        "strategy", "coin", "params", "segment", "fills", "taker_fills", "stale_mid_fills", "volume_usd", "fees", "spread_capture", "inventory_pnl",
        "realised_pnl", "unrealised_pnl", "total_pnl", "final_position", "markout_1s_bps", "markout_10s_bps", "markout_60s_bps", "max_abs_inventory",
        "tw_abs_inventory", "fill_pressure_fraction", "requests", "requotes", "rejections", "client_bug_rejections", "duration_s", "events",
    ];

    /// <summary>The figures of a result as every output shows them: the total and one part per segment.</summary>
    public static StrategyFigures Figures(BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new StrategyFigures(result.Strategy, result.Coin.Name, null, result.StartMs, result.EndMs, result.Figures, "segments",
            [.. result.Segments.Select(s => new FiguresPart(Label(s), s.StartMs, s.EndMs, s.Figures, s.Skipped))]);
    }

    public static string Json(string dataPath, IReadOnlyList<BacktestResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return FiguresJson.Render("backtest", dataPath, [.. results.Select(Figures)]);
    }

    /// <summary>One column per strategy (and, for data split at gaps, one per segment before the strategy's total), one row per figure.</summary>
    public static string Report(string dataPath, IReadOnlyList<BacktestResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var columns = new List<(string Header, BacktestResult Result, BacktestSegment? Segment)>();
        foreach (var r in results)
        {
            if (r.Segments.Count > 1)
            {
                columns.AddRange(r.Segments.Select(s => (F($"{r.Strategy} {Label(s)}"), r, (BacktestSegment?)s)));
                columns.Add((r.Strategy + " total", r, null));
            }
            else
            {
                columns.Add((r.Strategy, r, null));
            }
        }

        var table = new TextTable(["strategy", .. columns.Select(c => c.Header)]);
        table.Add(["coin", .. columns.Select(c => c.Result.Coin.Name)]);
        table.Add(["span", .. columns.Select(c => c.Segment is { } s
            ? F($"{s.DurationSeconds / 60:0.0} min, {s.MarketEvents} events{(s.Skipped is null ? string.Empty : ", skipped")}")
            : F($"{c.Result.DurationSeconds / 60:0.0} min, {c.Result.MarketEvents} events"))]);
        var rows = columns.Select(c => FigureRows.Rows(c.Segment?.Figures ?? c.Result.Figures)).ToList();
        for (var i = 0; i < rows[0].Count; i++)
        {
            table.Add([rows[0][i].Label, .. rows.Select(r => r[i].Value)]);
        }

        table.Add(["quotes per minute", .. columns.Select(c => c.Segment is null ? F($"{c.Result.QuotesPerMinute:0.00}") : "-")]);
        table.Add(["client-bug rejections", .. columns.Select(c => c.Segment is null ? F($"{c.Result.ClientBugRejections}") : "-")]);
        var sb = new StringBuilder($"backtest of {dataPath}\n").Append(table);
        foreach (var r in results.Where(r => r.Segments.Any(s => s.Skipped is not null)))
        {
            foreach (var s in r.Segments.Where(s => s.Skipped is not null))
            {
                sb.Append(F($"note: {r.Strategy} {Label(s)} skipped: {s.Skipped}\n"));
            }
        }

        return sb.ToString();
    }

    /// <summary>Sweep results ranked by total PnL (best first), per strategy.</summary>
    public static string Ranked(IReadOnlyList<(string Point, BacktestResult Result)> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var sb = new StringBuilder();
        foreach (var group in results.GroupBy(r => r.Result.Strategy))
        {
            var table = new TextTable("rank", "params", "total PnL", "spread", "inventory", "fees", "fills", "markout 10 s", "max |inv|", "requests");
            var rank = 0;
            foreach (var (point, r) in group.OrderByDescending(g => g.Result.Figures.TotalPnl).ThenBy(g => g.Point, StringComparer.Ordinal))
            {
                var f = r.Figures;
                table.Add(F($"{++rank}"), point, FigureRows.D(f.TotalPnl, 4), FigureRows.D(f.SpreadCapture, 4), FigureRows.D(f.InventoryPnl, 4), FigureRows.D(f.Fees, 4),
                    F($"{f.Fills}"), f.Markout(10)?.Bps is { } m ? FigureRows.D(m, 2) + " bps" : "n/a", F($"{f.MaxAbsPosition}"), F($"{f.Counters.Requests}"));
            }

            sb.Append(group.Key).Append(" (").Append(group.First().Result.Coin.Name).Append("), ranked by total PnL\n").Append(table).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>One row per strategy and grid point ("all" segments), plus one per segment when the data was split.</summary>
    public static void WriteCsv(string path, IReadOnlyList<(string Point, BacktestResult Result)> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var sb = new StringBuilder();
        sb.AppendJoin(',', CsvHeader).Append('\n');
        foreach (var (point, r) in results)
        {
            Row(sb, r, point, "all", r.Figures, r.DurationSeconds, r.MarketEvents, r.ClientBugRejections);
            if (r.Segments.Count > 1)
            {
                foreach (var s in r.Segments)
                {
                    Row(sb, r, point, F($"{s.Number}"), s.Figures, s.DurationSeconds, s.MarketEvents, null);
                }
            }
        }

        try
        {
            File.WriteAllText(path, sb.ToString());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new Failures.UsageException($"--csv: cannot write '{path}': {ex.Message}");
        }
    }

    private static void Row(StringBuilder sb, BacktestResult r, string point, string segment, Core.Accounting.LedgerFigures f, double seconds, long events, long? clientBugs)
    {
        static string Bps(Core.Accounting.MarkoutFigure? m) => m?.Bps is { } b ? F($"{b:0.######}") : string.Empty;
        sb.AppendJoin(',',
            r.Strategy, r.Coin.Name, point, segment, F($"{f.Fills}"), F($"{f.TakerFills}"), F($"{f.StaleMidFills}"), F($"{f.VolumeUsd:0.######}"), F($"{f.Fees:0.######}"),
            F($"{f.SpreadCapture:0.######}"), F($"{f.InventoryPnl:0.######}"), F($"{f.RealizedPnl:0.######}"), F($"{f.UnrealizedPnl:0.######}"), F($"{f.TotalPnl:0.######}"),
            F($"{f.Position}"), Bps(f.Markout(1)), Bps(f.Markout(10)), Bps(f.Markout(60)), F($"{f.MaxAbsPosition}"), F($"{f.TimeWeightedAbsPosition:0.########}"),
            F($"{f.FillPressureFraction:0.####}"), F($"{f.Counters.Requests}"), F($"{f.Counters.Requotes}"), F($"{f.Counters.RejectionCount}"),
            clientBugs is { } n ? F($"{n}") : string.Empty, F($"{seconds}"), F($"{events}")).Append('\n');
    }

    private static string Label(BacktestSegment s) => F($"segment {s.Number}");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
