using System.Globalization;
using HyperMM.Cli.Config;
using HyperMM.Cli.Failures;
using HyperMM.Cli.Output;
using HyperMM.Cli.Sweeps;
using HyperMM.Core.Accounting;
using HyperMM.Core.Model;
using HyperMM.Simulation.Backtest;
using HyperMM.Simulation.Calibration;

namespace HyperMM.Cli.Commands;

/// <summary>
/// <c>backtest --walk-forward</c>: for each fold of <see cref="WalkForwardPlan"/>, calibrate on the train window
/// (<see cref="MarketCalibrator"/>, the estimators of <c>hypermm calibrate</c>, mapped onto keys by
/// <see cref="CalibratedParameters"/>), run every grid point on the train window, pick the best by the objective,
/// then run that point on the following test window from flat. Train runs of all folds run in parallel, then the
/// test runs (<see cref="SweepRunner.RunAll"/>); results do not depend on the thread count.
/// </summary>
public static class WalkForward
{
    public static IReadOnlyList<WalkForwardResult> Run(
        IReadOnlyList<BacktestRun> runs, WalkForwardSpec spec, SweepSpec? grid, SweepObjective objective, BacktestOptions options, TextWriter progress, int? threads = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(options);
        grid ??= new SweepSpec([]);
        var points = grid.Points();
        var plans = runs.Select(r => Plan(r, spec, options)).ToList();
        grid.Validate(plans.SelectMany(p => p.Folds.Select(f => f.Base)));

        var trainJobs = plans.SelectMany(p => p.Folds.SelectMany(f => points.Select(point =>
            new BacktestJob(SweepSpec.Apply(f.Base, point), p.Run.Instrument, f.Window.Train, Label(p.Run, f.Window, "train", point))))).ToList();
        var trainResults = SweepRunner.RunAll(trainJobs, options, ProgressBar.For(progress, trainJobs.Count, "train runs"), threads);

        var rankings = new List<(PlannedFold Fold, SweepRanking Ranking, StrategyParameters Chosen)>();
        var next = 0;
        foreach (var plan in plans)
        {
            foreach (var fold in plan.Folds)
            {
                var results = points.Select((point, i) => new SweepPointResult(i, point, trainResults[next + i])).ToList();
                next += points.Count;
                var ranking = SweepRanking.For(plan.Run.Parameters.Name, results, grid, objective, F($"{plan.Run.Parameters.Name} fold {fold.Window.Number}"));
                rankings.Add((fold, ranking, SweepSpec.Apply(fold.Base, ranking.Best.Point)));
            }
        }

        var testJobs = rankings.Select(r => new BacktestJob(r.Chosen, r.Fold.Run.Instrument, r.Fold.Window.Test, Label(r.Fold.Run, r.Fold.Window, "test", r.Ranking.Best.Point))).ToList();
        var testResults = SweepRunner.RunAll(testJobs, options, ProgressBar.For(progress, testJobs.Count, "test runs"), threads);

        var output = new List<WalkForwardResult>();
        var index = 0;
        foreach (var plan in plans)
        {
            var folds = new List<WalkForwardFold>();
            var warnings = new List<string>();
            foreach (var fold in plan.Folds)
            {
                var (_, ranking, chosen) = rankings[index];
                var keys = fold.Calibrated.Concat(grid.Axes.Select(a => a.Key)).Distinct(StringComparer.Ordinal);
                folds.Add(new WalkForwardFold(fold.Window, fold.Calibration, [.. keys.Select(k => (k, ParameterFields.Get(chosen, k)))], ranking, testResults[index]));
                warnings.AddRange(fold.Notes);
                warnings.AddRange(ranking.Warnings);
                index++;
            }

            var total = LedgerFigures.Combine([.. folds.Select(f => f.OutOfSample.Figures)]);
            output.Add(new WalkForwardResult(plan.Run.Parameters.Name, plan.Run.Instrument.Coin.Name, folds, total, warnings));
        }

        return output;
    }

    private static (BacktestRun Run, IReadOnlyList<PlannedFold> Folds) Plan(BacktestRun run, WalkForwardSpec spec, BacktestOptions options)
    {
        var windows = WalkForwardPlan.Folds(run.Events, spec.Train, spec.Test, spec.Step, options.MaxGap);
        if (windows.Count == 0)
        {
            var longest = WalkForwardPlan.LongestStretchMs(run.Events, options.MaxGap) / 60_000.0;
            var gap = options.MaxGap is { } g ? F($" without a gap over {g.TotalSeconds:0.###} s") : string.Empty;
            throw new UsageException(F(
                $"--walk-forward: {run.Parameters.Name}: the {run.Instrument.Coin} data is shorter than one train + test window ({(spec.Train + spec.Test).TotalMinutes:0.##} min needed; the longest stretch{gap} is {longest:0.##} min)"));
        }

        return (run, [.. windows.Select(w => Calibrate(run, w, spec.Calibrate))]);
    }

    private static PlannedFold Calibrate(BacktestRun run, WalkForwardWindow window, bool calibrate)
    {
        if (!calibrate)
        {
            return new PlannedFold(run, window, run.Parameters, null, [], []);
        }

        var calibration = MarketCalibrator.Calibrate(run.Instrument.Coin, window.Train);
        var parameters = run.Parameters;
        var applied = new List<string>();
        var notes = new List<string>();
        foreach (var (key, value) in CalibratedParameters.For(calibration, parameters.Model.Name).Where(k => ParameterFields.Has(parameters, k.Key)))
        {
            var current = SweepSpec.Text(ParameterFields.Get(parameters, key));
            var who = F($"{run.Parameters.Name} fold {window.Number}");
            if (!CalibratedParameters.IsMeasured(value))
            {
                notes.Add($"{who}: {key} could not be measured on the train window; kept {key}={current}");
                continue;
            }

            // Calibrated values go through the same validator as the YAML and --sweep; 4 significant digits, as calibrate prints.
            var rounded = Math.Round(value, 3 - (int)Math.Floor(Math.Log10(Math.Abs(value))), MidpointRounding.AwayFromZero);
            if (ParameterRules.CheckValue(ParameterFields.Spec(parameters, key)!, rounded, SweepSpec.Text(rounded)) is { } bad)
            {
                notes.Add($"{who}: calibrated {bad}; kept {key}={current}");
                continue;
            }

            parameters = ParameterFields.Set(parameters, key, rounded);
            applied.Add(key);
        }

        return new PlannedFold(run, window, parameters, calibration, applied, notes);
    }

    private static string Label(BacktestRun run, WalkForwardWindow window, string part, IReadOnlyList<(string Key, double Value)> point) =>
        F($"{run.Parameters.Name} fold {window.Number} {part}{(point.Count == 0 ? string.Empty : " " + SweepSpec.Describe(point))}");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A fold before it runs: the strategy's parameters with the train window's calibration applied.</summary>
    private sealed record PlannedFold(BacktestRun Run, WalkForwardWindow Window, StrategyParameters Base, CoinCalibration? Calibration, IReadOnlyList<string> Calibrated, IReadOnlyList<string> Notes);
}
