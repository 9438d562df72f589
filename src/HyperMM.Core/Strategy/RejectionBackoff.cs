using HyperMM.Core.Primitives;

namespace HyperMM.Core.Strategy;

/// <summary>
/// Per-side exponential pause after a rejection that would repeat if retried at once (margin, minimum value,
/// reduce-only, open-interest cap...): 2 s, doubling up to 60 s; an accepted order on the side resets it. While a side
/// is paused its new orders and modifies are dropped from the plan.
/// </summary>
public sealed class RejectionBackoff
{
    public const int StartMs = 2_000;
    public const int MaxMs = 60_000;

    private readonly long[] _until = [long.MinValue, long.MinValue];
    private readonly int[] _delayMs = [0, 0];

    public bool IsActive(Side side, long nowMs) => nowMs < _until[Index(side)];

    /// <summary>Pauses the side; returns the pause in ms.</summary>
    public int Trip(Side side, long nowMs)
    {
        var i = Index(side);
        _delayMs[i] = _delayMs[i] == 0 ? StartMs : Math.Min(MaxMs, _delayMs[i] * 2);
        _until[i] = nowMs + _delayMs[i];
        return _delayMs[i];
    }

    public void Reset(Side side)
    {
        var i = Index(side);
        _delayMs[i] = 0;
        _until[i] = long.MinValue;
    }

    /// <summary>Drops the paused sides' new orders and modifies from <paramref name="plan"/>.</summary>
    public void Apply(RequotePlan plan, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var bidPaused = IsActive(Side.Buy, nowMs);
        var askPaused = IsActive(Side.Sell, nowMs);
        if (!bidPaused && !askPaused)
        {
            return;
        }

        bool Paused(Side side) => side == Side.Buy ? bidPaused : askPaused;
        plan.Places.RemoveAll(p => Paused(p.Side));
        plan.Modifies.RemoveAll(m => Paused(m.Replacement.Side));
    }

    private static int Index(Side side) => side == Side.Buy ? 0 : 1;
}
