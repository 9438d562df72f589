using HyperMM.Cli.Failures;
using HyperMM.Core.Accounting;

namespace HyperMM.Cli.Sweeps;

/// <summary>
/// What a sweep ranks by and a walk-forward picks its point by (<c>--objective</c>). Every objective is after fees.
/// <list type="bullet">
/// <item><c>total_pnl</c> (default): the ledger's total PnL, USD.</item>
/// <item><c>pnl_per_volume</c>: total PnL per traded notional, bps. A point that traded nothing has no value and
/// ranks below every point that traded (it says nothing about the parameters).</item>
/// </list>
/// Ties (and points without a value) keep grid order, so the ranking does not depend on how the runs were scheduled.
/// </summary>
public sealed record SweepObjective(string Name, string Unit, Func<LedgerFigures, decimal?> Score)
{
    public static SweepObjective TotalPnl { get; } = new("total_pnl", "USD", f => f.TotalPnl);

    public static SweepObjective PnlPerVolume { get; } = new("pnl_per_volume", "bps", f => f.VolumeUsd == 0m ? null : Math.Round(f.TotalPnl / f.VolumeUsd * 10_000m, 10));

    public static IReadOnlyList<SweepObjective> All { get; } = [TotalPnl, PnlPerVolume];

    public static SweepObjective Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return All.FirstOrDefault(o => o.Name == text.Trim())
            ?? throw new UsageException($"--objective: unknown objective '{text}' (allowed: {string.Join(", ", All.Select(o => o.Name))})");
    }

    /// <summary>The items ranked best first by this objective; ties and items without a value keep their given order.</summary>
    public IReadOnlyList<T> Rank<T>(IEnumerable<T> items, Func<T, LedgerFigures> figures)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(figures);
        return [.. items.Select((item, index) => (Item: item, Index: index, Score: Score(figures(item))))
            .OrderByDescending(x => x.Score.HasValue)
            .ThenByDescending(x => x.Score ?? 0m)
            .ThenBy(x => x.Index)
            .Select(x => x.Item)];
    }
}
