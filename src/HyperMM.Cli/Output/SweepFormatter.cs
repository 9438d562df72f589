using System.Globalization;
using System.Text;
using System.Text.Json;
using HyperMM.Cli.Sweeps;

namespace HyperMM.Cli.Output;

/// <summary>
/// Text, CSV and JSON of <c>hypermm backtest --sweep</c>: per strategy, every point ranked by the objective with the
/// ledger's figures and markouts, how many points lose after fees, and the warnings of <see cref="SweepRanking"/>.
/// </summary>
public static class SweepFormatter
{
    public static string Text(IReadOnlyList<SweepRanking> rankings)
    {
        ArgumentNullException.ThrowIfNull(rankings);
        var sb = new StringBuilder();
        foreach (var ranking in rankings)
        {
            var table = new TextTable(["rank", "params", .. RankedHeader(ranking.Objective)]);
            var rank = 0;
            foreach (var point in ranking.Ranked)
            {
                table.Add([F($"{++rank}"), point.Label, .. RankedCells(ranking, point)]);
            }

            sb.Append(F($"{ranking.Strategy} ({ranking.Coin}), ranked by {ranking.Objective.Name}\n")).Append(table)
                .Append(F($"{ranking.LosingPoints} of {ranking.Ranked.Count} points lose after fees (total PnL < 0); best: {ranking.Best.Label}\n"));
            foreach (var warning in ranking.Warnings)
            {
                sb.Append("warning: ").Append(warning).Append('\n');
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>The ledger's main figures and markouts as columns of a one-row-per-run table (sweep, walk-forward).</summary>
    public static IReadOnlyList<string> FigureHeader { get; } =
        ["total PnL", "spread", "inventory", "fees", "volume", "fills", "mo 1 s", "mo 10 s", "mo 60 s", "max |inv|", "requests"];

    public static IReadOnlyList<string> FigureCells(Core.Accounting.LedgerFigures f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return
        [
            FigureRows.D(f.TotalPnl, 4), FigureRows.D(f.SpreadCapture, 4), FigureRows.D(f.InventoryPnl, 4), FigureRows.D(f.Fees, 4), FigureRows.D(f.VolumeUsd, 0),
            F($"{f.Fills}"), Markout(f, 1), Markout(f, 10), Markout(f, 60), F($"{f.MaxAbsPosition}"), F($"{f.Counters.Requests}"),
        ];
    }

    /// <summary>The columns of a ranked row: the objective (unless it is total PnL), then <see cref="FigureHeader"/>.</summary>
    public static IReadOnlyList<string> RankedHeader(SweepObjective objective)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return objective == SweepObjective.TotalPnl ? FigureHeader : [F($"{objective.Name} ({objective.Unit})"), .. FigureHeader];
    }

    public static IReadOnlyList<string> RankedCells(SweepRanking ranking, SweepPointResult point)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentNullException.ThrowIfNull(point);
        var f = point.Result.Figures;
        return ranking.Objective == SweepObjective.TotalPnl ? FigureCells(f) : [ranking.Objective.Score(f) is { } s ? FigureRows.D(s, 4) : "n/a", .. FigureCells(f)];
    }

    /// <summary>The objective's value of a point with its unit ("-0.3154 USD"), or "n/a" without a value.</summary>
    public static string Score(SweepRanking ranking, SweepPointResult point)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentNullException.ThrowIfNull(point);
        return ranking.Objective.Score(point.Result.Figures) is { } s ? FigureRows.D(s, 4) + " " + ranking.Objective.Unit : "n/a";
    }

    /// <summary>Markout in bps, 2 decimals, or "n/a".</summary>
    public static string Markout(Core.Accounting.LedgerFigures f, int seconds)
    {
        ArgumentNullException.ThrowIfNull(f);
        return f.Markout(seconds)?.Bps is { } m ? FigureRows.D(m, 2) : "n/a";
    }

    /// <summary>One row per strategy and point in grid order (segments below it when the data was split), plus rank and objective value.</summary>
    public static void WriteCsv(string path, IReadOnlyList<SweepRanking> rankings)
    {
        ArgumentNullException.ThrowIfNull(rankings);
        var rows = rankings.SelectMany(r => r.Ranked.OrderBy(p => p.Index).Select(p => (Ranking: r, Point: p))).ToList();
        BacktestFormatter.WriteCsv(path, [.. rows.Select(x => (x.Point.Label, x.Point.Result))], ["rank", "objective", "objective_value"], i =>
        {
            var (ranking, point) = rows[i];
            var score = ranking.Objective.Score(point.Result.Figures);
            return [F($"{IndexOf(ranking.Ranked, point) + 1}"), ranking.Objective.Name, score is { } s ? F($"{s:0.######}") : string.Empty];
        });
    }

    /// <summary>
    /// <c>{"source":"sweep","data","objective","strategies":[{"strategy","coin","start_ms","end_ms","points","losing_points",
    /// "best","points_ranked":[{"rank","params":{key:value},"objective_value", figures...}]}],"warnings":[...]}</c>;
    /// the figures have the same names as in <c>backtest --json</c>.
    /// </summary>
    public static string Json(string dataPath, IReadOnlyList<SweepRanking> rankings)
    {
        ArgumentNullException.ThrowIfNull(rankings);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("source", "sweep");
            w.WriteString("data", dataPath);
            w.WriteString("objective", rankings.Count > 0 ? rankings[0].Objective.Name : SweepObjective.TotalPnl.Name);
            w.WriteStartArray("strategies");
            foreach (var ranking in rankings)
            {
                var best = ranking.Best.Result;
                w.WriteStartObject();
                w.WriteString("strategy", ranking.Strategy);
                w.WriteString("coin", ranking.Coin);
                w.WriteNumber("start_ms", best.StartMs);
                w.WriteNumber("end_ms", best.EndMs);
                w.WriteNumber("points", ranking.Ranked.Count);
                w.WriteNumber("losing_points", ranking.LosingPoints);
                w.WriteString("best", ranking.Best.Label);
                w.WriteStartArray("points_ranked");
                var rank = 0;
                foreach (var point in ranking.Ranked)
                {
                    w.WriteStartObject();
                    w.WriteNumber("rank", ++rank);
                    Params(w, point.Point);
                    Score(w, ranking.Objective.Score(point.Result.Figures));
                    FiguresJson.Figures(w, point.Result.Figures);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            Warnings(w, [.. rankings.SelectMany(r => r.Warnings)]);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary><c>"params": {"gamma": 0.1, ...}</c>.</summary>
    public static void Params(Utf8JsonWriter w, IReadOnlyList<(string Key, double Value)> point)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(point);
        w.WriteStartObject("params");
        foreach (var (key, value) in point)
        {
            w.WriteNumber(key, value);
        }

        w.WriteEndObject();
    }

    /// <summary><c>"objective_value"</c>: a number, or null when the objective has no value for the figures.</summary>
    public static void Score(Utf8JsonWriter w, decimal? score)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (score is { } s)
        {
            w.WriteNumber("objective_value", s);
        }
        else
        {
            w.WriteNull("objective_value");
        }
    }

    public static void Warnings(Utf8JsonWriter w, IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(warnings);
        w.WriteStartArray("warnings");
        foreach (var warning in warnings)
        {
            w.WriteStringValue(warning);
        }

        w.WriteEndArray();
    }

    private static int IndexOf(IReadOnlyList<SweepPointResult> ranked, SweepPointResult point)
    {
        for (var i = 0; i < ranked.Count; i++)
        {
            if (ReferenceEquals(ranked[i], point))
            {
                return i;
            }
        }

        return -1;
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
