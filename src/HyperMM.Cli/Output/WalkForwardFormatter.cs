using System.Globalization;
using System.Text;
using System.Text.Json;
using HyperMM.Cli.Sweeps;
using HyperMM.Simulation.Calibration;

namespace HyperMM.Cli.Output;

/// <summary>
/// Text, CSV and JSON of <c>hypermm backtest --walk-forward</c>: per strategy one row per fold (train and test
/// windows, the chosen parameters, the in-sample objective, the out-of-sample ledger figures and markouts) and the
/// out-of-sample total over all folds; the text adds every ledger figure per fold (<see cref="FigureRows"/>).
/// </summary>
public static class WalkForwardFormatter
{
    public static string Text(string dataPath, WalkForwardSpec spec, SweepSpec? grid, SweepObjective objective, IReadOnlyList<WalkForwardResult> results)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(results);
        var sb = new StringBuilder();
        sb.Append(F($"walk-forward of {dataPath}: {spec.Describe()}; {Grid(grid)}; picked by {objective.Name} on the train window; every test window starts flat\n\n"));
        foreach (var r in results)
        {
            var table = new TextTable(["fold", "train (UTC)", "test (UTC)", "chosen", F($"in-sample {objective.Name}"), .. SweepFormatter.FigureHeader]);
            foreach (var fold in r.Folds)
            {
                var w = fold.Window;
                table.Add([F($"{w.Number}"), Span(w.TrainStartMs, w.TrainEndMs), Span(w.TestStartMs, w.TestEndMs), fold.ChosenLabel,
                    SweepFormatter.Score(fold.InSample, fold.InSample.Best), .. SweepFormatter.FigureCells(fold.OutOfSample.Figures)]);
            }

            table.Add(["all", string.Empty, Span(r.StartMs, r.EndMs), "out of sample", string.Empty, .. SweepFormatter.FigureCells(r.OutOfSample)]);
            sb.Append(F($"{r.Strategy} ({r.Coin}): {r.Folds.Count} folds; figures after the in-sample column are out of sample (test windows)\n")).Append(table).Append('\n');

            var columns = new TextTable(["out of sample", .. r.Folds.Select(f => F($"fold {f.Window.Number}")), "all folds"]);
            var rows = r.Folds.Select(f => FigureRows.Rows(f.OutOfSample.Figures)).Append(FigureRows.Rows(r.OutOfSample)).ToList();
            for (var i = 0; i < rows[0].Count; i++)
            {
                columns.Add([rows[0][i].Label, .. rows.Select(x => x[i].Value)]);
            }

            sb.Append(columns);
            var losing = r.Folds.Count(f => f.OutOfSample.Figures.TotalPnl < 0m);
            sb.Append(F($"{losing} of {r.Folds.Count} folds lose out of sample after fees; total {FigureRows.D(r.OutOfSample.TotalPnl, 4)} USD"));
            sb.Append(r.OutOfSample.VolumeUsd == 0m ? "\n" : F($" ({FigureRows.D(r.OutOfSample.TotalPnl / r.OutOfSample.VolumeUsd * 10_000m, 2)} bps of volume)\n"));
            foreach (var warning in r.Warnings)
            {
                sb.Append("warning: ").Append(warning).Append('\n');
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>One row per fold and one "all" row (the out-of-sample total) per strategy; times in ms since the epoch.</summary>
    public static void WriteCsv(string path, SweepObjective objective, IReadOnlyList<WalkForwardResult> results)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(results);
        var sb = new StringBuilder();
        sb.AppendJoin(',', ["strategy", "coin", "fold", "train_start_ms", "train_end_ms", "test_start_ms", "test_end_ms", "params", "objective", "in_sample_objective_value",
            "in_sample_total_pnl", .. FigureCsv.Header]).Append('\n');
        foreach (var r in results)
        {
            foreach (var fold in r.Folds)
            {
                var w = fold.Window;
                var best = fold.InSample.Best.Result.Figures;
                sb.AppendJoin(',', [r.Strategy, r.Coin, F($"{w.Number}"), F($"{w.TrainStartMs}"), F($"{w.TrainEndMs}"), F($"{w.TestStartMs}"), F($"{w.TestEndMs}"),
                    fold.ChosenLabel, objective.Name, objective.Score(best) is { } s ? F($"{s:0.######}") : string.Empty, F($"{best.TotalPnl:0.######}"),
                    .. FigureCsv.Cells(fold.OutOfSample.Figures)]).Append('\n');
            }

            sb.AppendJoin(',', [r.Strategy, r.Coin, "all", string.Empty, string.Empty, F($"{r.StartMs}"), F($"{r.EndMs}"), string.Empty, objective.Name, string.Empty, string.Empty,
                .. FigureCsv.Cells(r.OutOfSample)]).Append('\n');
        }

        FigureCsv.Write(path, sb.ToString());
    }

    /// <summary>
    /// The shape of <c>backtest --json</c> (<c>{"source","data","strategies":[{"strategy","coin","run","start_ms","end_ms",
    /// figures...}]}</c>, the strategy's figures being the out-of-sample total) plus <c>"walk_forward"</c> (the settings),
    /// a <c>"folds"</c> array per strategy (test window as start_ms/end_ms, train window, params, calibration, in_sample,
    /// and the fold's out-of-sample figures) and <c>"warnings"</c>.
    /// </summary>
    public static string Json(string dataPath, WalkForwardSpec spec, SweepSpec? grid, SweepObjective objective, IReadOnlyList<WalkForwardResult> results)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(results);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("source", "walk-forward");
            w.WriteString("data", dataPath);
            w.WriteStartObject("walk_forward");
            w.WriteNumber("train_s", spec.Train.TotalSeconds);
            w.WriteNumber("test_s", spec.Test.TotalSeconds);
            w.WriteNumber("step_s", spec.Step.TotalSeconds);
            w.WriteBoolean("calibrate", spec.Calibrate);
            w.WriteString("objective", objective.Name);
            if (grid is null)
            {
                w.WriteNull("sweep");
            }
            else
            {
                w.WriteString("sweep", string.Join(",", grid.Axes.Select(a => a.Key + "=" + string.Join("|", a.Values.Select(SweepSpec.Text)))));
            }

            w.WriteEndObject();
            w.WriteStartArray("strategies");
            foreach (var r in results)
            {
                w.WriteStartObject();
                w.WriteString("strategy", r.Strategy);
                w.WriteString("coin", r.Coin);
                w.WriteNull("run");
                w.WriteNumber("start_ms", r.StartMs);
                w.WriteNumber("end_ms", r.EndMs);
                FiguresJson.Figures(w, r.OutOfSample);
                w.WriteStartArray("folds");
                foreach (var fold in r.Folds)
                {
                    Fold(w, fold);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            SweepFormatter.Warnings(w, [.. results.SelectMany(r => r.Warnings)]);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Fold(Utf8JsonWriter w, WalkForwardFold fold)
    {
        var win = fold.Window;
        w.WriteStartObject();
        w.WriteString("label", F($"fold {win.Number}"));
        w.WriteNumber("fold", win.Number);
        w.WriteNumber("start_ms", win.TestStartMs);
        w.WriteNumber("end_ms", win.TestEndMs);
        w.WriteNumber("train_start_ms", win.TrainStartMs);
        w.WriteNumber("train_end_ms", win.TrainEndMs);
        SweepFormatter.Params(w, fold.Chosen);
        Calibration(w, fold.Calibration);
        w.WriteStartObject("in_sample");
        w.WriteNumber("points", fold.InSample.Ranked.Count);
        w.WriteNumber("losing_points", fold.InSample.LosingPoints);
        SweepFormatter.Score(w, fold.InSample.Objective.Score(fold.InSample.Best.Result.Figures));
        FiguresJson.Figures(w, fold.InSample.Best.Result.Figures);
        w.WriteEndObject();
        FiguresJson.Figures(w, fold.OutOfSample.Figures);
        w.WriteEndObject();
    }

    private static void Calibration(Utf8JsonWriter w, CoinCalibration? c)
    {
        if (c is null)
        {
            w.WriteNull("calibration");
            return;
        }

        w.WriteStartObject("calibration");
        Number(w, "sigma_bps_1s", c.SigmaBps1s);
        Number(w, "A_per_s", c.Intensity?.APerSecond ?? double.NaN);
        Number(w, "kappa_per_bps", c.Intensity?.KappaPerBps ?? double.NaN);
        Number(w, "fit_r2", c.Intensity?.R2 ?? double.NaN);
        w.WriteNumber("taker_orders", c.TakerOrders);
        w.WriteNumber("seconds", c.Seconds);
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, value);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string Grid(SweepSpec? grid) =>
        grid is null ? "no sweep" : F($"sweep {string.Join(", ", grid.Axes.Select(a => F($"{a.Key} {SweepSpec.Text(a.Values.Min())}..{SweepSpec.Text(a.Values.Max())} ({a.Values.Count} values)")))}");

    private static string Span(long fromMs, long toMs) =>
        F($"{DateTimeOffset.FromUnixTimeMilliseconds(fromMs):HH:mm:ss}-{DateTimeOffset.FromUnixTimeMilliseconds(toMs):HH:mm:ss}");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
