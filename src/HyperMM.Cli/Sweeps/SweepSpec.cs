using System.Globalization;
using HyperMM.Cli.Config;
using HyperMM.Cli.Failures;
using HyperMM.Core.Model;

namespace HyperMM.Cli.Sweeps;

/// <summary>
/// A parameter grid from <c>--sweep gamma=0.05:0.3:0.05,kappa=1:2:0.5</c> (key=start:stop:step, stop inclusive,
/// or key=value). Keys: every numeric key of the strategy config, common or a quoting model's
/// (<see cref="ParameterFields"/>); a key the strategy's model does not have is refused with the model named. Each
/// value is checked against the key's range and every grid point against the rules across keys, by the same validator
/// as the YAML loader (<see cref="ParameterRules"/>), before anything runs.
/// </summary>
public sealed record SweepSpec(IReadOnlyList<(string Key, IReadOnlyList<double> Values)> Axes)
{
    private static IReadOnlyList<string> Keys => ParameterFields.AllNames;

    public static SweepSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var axes = new List<(string, IReadOnlyList<double>)>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new UsageException($"--sweep: '{part}' is not key=start:stop:step");
            }

            var key = part[..eq].Trim();
            if (!Keys.Contains(key))
            {
                throw new UsageException($"--sweep: unknown key '{key}' (allowed: {string.Join(", ", Keys)})");
            }

            if (axes.Any(a => a.Item1 == key))
            {
                throw new UsageException($"--sweep: '{key}' is given twice");
            }

            var values = Range(key, part[(eq + 1)..]);
            foreach (var value in values)
            {
                if (ParameterRules.CheckValue(SpecOf(key), value, $"'{Text(value)}'") is { } bad)
                {
                    throw new UsageException($"--sweep, {bad}");
                }
            }

            axes.Add((key, values));
        }

        if (axes.Count == 0)
        {
            throw new UsageException("--sweep: nothing to sweep (example: --sweep gamma=0.05:0.3:0.05,kappa=1:2:0.5)");
        }

        var points = axes.Aggregate(1L, (n, a) => n * a.Item2.Count);
        return points > 10_000 ? throw new UsageException($"--sweep: {points} grid points is too many (at most 10000)") : new SweepSpec(axes);
    }

    /// <summary>Every grid point as (key, value) pairs, first axis slowest.</summary>
    public IReadOnlyList<IReadOnlyList<(string Key, double Value)>> Points()
    {
        IEnumerable<IReadOnlyList<(string, double)>> points = [[]];
        foreach (var (key, values) in Axes)
        {
            points = points.SelectMany(p => values.Select(v => (IReadOnlyList<(string, double)>)[.. p, (key, v)])).ToList();
        }

        return [.. points];
    }

    public static StrategyParameters Apply(StrategyParameters parameters, IReadOnlyList<(string Key, double Value)> point)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(point);
        foreach (var (key, value) in point)
        {
            if (!ParameterFields.Has(parameters, key))
            {
                throw new UsageException($"--sweep: '{key}' is not a key of model '{parameters.Model.Name}' (strategy '{parameters.Name}'; its keys: {string.Join(", ", ParameterFields.Names(parameters))})");
            }

            parameters = ParameterFields.Set(parameters, key, value);
        }

        return parameters;
    }

    /// <summary>
    /// Refuses the grid if any point breaks a rule for any of <paramref name="strategies"/> (e.g. min_spread_bps above
    /// the strategy's max_spread_bps), with the validator's message and the point.
    /// </summary>
    public void Validate(IEnumerable<StrategyParameters> strategies)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        foreach (var strategy in strategies)
        {
            foreach (var point in Points())
            {
                var broken = ParameterRules.Check(Apply(strategy, point));
                if (broken.Count > 0)
                {
                    throw new UsageException($"--sweep {Describe(point)}, strategy '{strategy.Name}', {broken[0]}");
                }
            }
        }
    }

    /// <summary>The spec of a sweep key: the common one, else the first registered model's that has it.</summary>
    private static ParameterSpec SpecOf(string key) =>
        CommonParameters.Schema.Find(key) ?? QuotingModels.All.Select(m => m.Schema.Find(key)).First(k => k is not null)!;

    public static string Describe(IReadOnlyList<(string Key, double Value)> point) =>
        string.Join(" ", point.Select(p => p.Key + "=" + Text(p.Value)));

    /// <summary>A swept value as the grid shows it (invariant, up to 6 decimals).</summary>
    public static string Text(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static List<double> Range(string key, string spec)
    {
        var parts = spec.Split(':');
        var numbers = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : double.NaN).ToArray();
        if (numbers.Any(double.IsNaN) || parts.Length is not (1 or 3))
        {
            throw new UsageException($"--sweep: '{key}={spec}' is not start:stop:step (or one value) with numbers");
        }

        if (parts.Length == 1)
        {
            return [numbers[0]];
        }

        var (start, stop, step) = (numbers[0], numbers[1], numbers[2]);
        if (step <= 0 || stop < start)
        {
            throw new UsageException($"--sweep: '{key}={spec}' needs step > 0 and stop >= start");
        }

        var values = new List<double>();
        for (var i = 0; start + (i * step) <= stop + (step * 1e-9); i++)
        {
            values.Add(Math.Round(start + (i * step), 10));
            if (values.Count > 10_000)
            {
                throw new UsageException($"--sweep: '{key}={spec}' has too many values");
            }
        }

        return values;
    }
}
