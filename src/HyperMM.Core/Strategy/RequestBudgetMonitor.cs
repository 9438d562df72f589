using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;

namespace HyperMM.Core.Strategy;

/// <summary>
/// Reads the venue's address request budget once a minute and slows the requote interval as it runs low (×1 above
/// 20 % left, ×4 above 5 %, ×16 below), saying so when the factor changes.
/// </summary>
public sealed class RequestBudgetMonitor
{
    public const long CheckIntervalMs = 60_000;

    private readonly Throttle _throttle = new(CheckIntervalMs);

    /// <summary>The budget as last read (null before the first check).</summary>
    public RequestBudget? Budget { get; private set; }

    public double Slowdown { get; private set; } = 1.0;

    /// <summary>Reads the budget when a minute has passed; returns true when the slowdown changed.</summary>
    public async Task<bool> CheckAsync(LoopServices loop, long nowMs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(loop);
        if (!_throttle.TryFire(nowMs))
        {
            return false;
        }

        var budget = await loop.Exchange.GetRequestBudgetAsync(ct).ConfigureAwait(false);
        Budget = budget;
        var slowdown = SlowdownFor(budget);
        if (slowdown == Slowdown)
        {
            return false;
        }

        loop.Note(slowdown > 1.0 ? "warn" : "info", FormattableString.Invariant(
            $"request budget {budget.Remaining} of {budget.Cap} left: requote interval × {slowdown}"));
        Slowdown = slowdown;
        return true;
    }

    /// <summary>Requote-interval multiplier from the address budget: ×1 above 20 % left, ×4 above 5 %, ×16 below.</summary>
    public static double SlowdownFor(RequestBudget budget)
    {
        if (budget.Cap <= 0)
        {
            return 1.0;
        }

        var left = (double)budget.Remaining / budget.Cap;
        return left > 0.20 ? 1.0 : left > 0.05 ? 4.0 : 16.0;
    }
}
