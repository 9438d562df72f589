using System.Globalization;
using System.Text;
using HyperMM.Simulation.Backtest;

namespace HyperMM.Cli.Output;

/// <summary>Text, CSV and JSON output of <c>hypermm backtest</c>; every figure is the ledger's (<see cref="FigureRows"/>, <see cref="FiguresJson"/>).</summary>
public static class BacktestFormatter
{
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

    /// <summary>One row per result ("all" segments), plus one per segment when the data was split.</summary>
    public static void WriteCsv(string path, IReadOnlyList<(string Point, BacktestResult Result)> results) => WriteCsv(path, results, [], _ => []);

    /// <summary>
    /// As <see cref="WriteCsv(string, IReadOnlyList{ValueTuple{string, BacktestResult}})"/>, with columns after the
    /// figures (<paramref name="extraHeader"/>), filled on each result's "all" row by <paramref name="extraCells"/>(index).
    /// </summary>
    public static void WriteCsv(string path, IReadOnlyList<(string Point, BacktestResult Result)> results, IReadOnlyList<string> extraHeader, Func<int, IReadOnlyList<string>> extraCells)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(extraHeader);
        ArgumentNullException.ThrowIfNull(extraCells);
        var sb = new StringBuilder();
        sb.AppendJoin(',', ["strategy", "coin", "params", "segment", .. FigureCsv.Header, "client_bug_rejections", "duration_s", "events", .. extraHeader]).Append('\n');
        for (var i = 0; i < results.Count; i++)
        {
            var (point, r) = results[i];
            Row(sb, r, point, "all", r.Figures, r.DurationSeconds, r.MarketEvents, r.ClientBugRejections, extraCells(i));
            if (r.Segments.Count > 1)
            {
                foreach (var s in r.Segments)
                {
                    Row(sb, r, point, F($"{s.Number}"), s.Figures, s.DurationSeconds, s.MarketEvents, null, [.. extraHeader.Select(_ => string.Empty)]);
                }
            }
        }

        FigureCsv.Write(path, sb.ToString());
    }

    private static void Row(StringBuilder sb, BacktestResult r, string point, string segment, Core.Accounting.LedgerFigures f, double seconds, long events, long? clientBugs, IReadOnlyList<string> extra) =>
        sb.AppendJoin(',', [r.Strategy, r.Coin.Name, point, segment, .. FigureCsv.Cells(f), clientBugs is { } n ? F($"{n}") : string.Empty, F($"{seconds}"), F($"{events}"), .. extra]).Append('\n');

    private static string Label(BacktestSegment s) => F($"segment {s.Number}");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
