using System.Globalization;

namespace HyperMM.Cli.Sweeps;

/// <summary>
/// One strategy's sweep, ranked by an objective: the best point, how many points lose after fees (total PnL &lt; 0),
/// and warnings: the best point on the grid's edge for a swept key (the optimum may lie outside the grid), or every
/// point of a grid losing. Text, CSV and JSON all read it, and a walk-forward picks its point with it.
/// </summary>
public sealed record SweepRanking(string Strategy, string Coin, SweepObjective Objective, IReadOnlyList<SweepPointResult> Ranked, int LosingPoints, IReadOnlyList<string> Warnings)
{
    public SweepPointResult Best => Ranked[0];

    /// <summary>One ranking per strategy, in the order the strategies first appear in <paramref name="results"/>.</summary>
    public static IReadOnlyList<SweepRanking> Of(IReadOnlyList<SweepPointResult> results, SweepSpec grid, SweepObjective objective)
    {
        ArgumentNullException.ThrowIfNull(results);
        return [.. results.GroupBy(r => r.Result.Strategy).Select(g => For(g.Key, [.. g], grid, objective))];
    }

    /// <param name="context">Prefix of every warning (default: the strategy's name).</param>
    public static SweepRanking For(string strategy, IReadOnlyList<SweepPointResult> points, SweepSpec grid, SweepObjective objective, string? context = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(objective);
        if (points.Count == 0)
        {
            throw new ArgumentException("A ranking needs at least one point.", nameof(points));
        }

        var ranked = objective.Rank(points.OrderBy(p => p.Index), p => p.Result.Figures);
        var losing = points.Count(p => p.Result.Figures.TotalPnl < 0m);
        var who = context ?? strategy;
        var warnings = new List<string>();
        var best = ranked[0];
        foreach (var (key, values) in grid.Axes.Where(a => a.Values.Count > 1))
        {
            var value = best.Point.First(p => p.Key == key).Value;
            var edge = value <= values.Min() ? "lowest" : value >= values.Max() ? "highest" : null;
            if (edge is not null)
            {
                warnings.Add($"{who}: best {key}={SweepSpec.Text(value)} is the {edge} value swept: extend the grid");
            }
        }

        if (losing == points.Count && points.Count > 1)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{who}: all {points.Count} points lose after fees"));
        }

        return new SweepRanking(strategy, best.Result.Coin.Name, objective, ranked, losing, warnings);
    }
}
