using HyperMM.Core.Primitives;

namespace HyperMM.Core.Strategy;

/// <summary>
/// When the next requote may go: at most once per <c>cycle_interval_seconds</c> × the budget slowdown, or at once
/// after something that needs it (a fill, a post-only refusal, a resync, a corrected position).
/// </summary>
public sealed class RequoteClock
{
    private readonly long _baseIntervalMs;
    private readonly Throttle _throttle;

    public RequoteClock(double cycleIntervalSeconds)
    {
        _baseIntervalMs = (long)(cycleIntervalSeconds * 1000.0);
        _throttle = new Throttle(_baseIntervalMs);
    }

    /// <summary>True when the next cycle should requote whatever the interval.</summary>
    public bool Immediate { get; private set; }

    /// <summary>Asks for a requote on the next cycle.</summary>
    public void RequestNow() => Immediate = true;

    /// <summary>Multiplies the interval (the request-budget slowdown, ≥ 1).</summary>
    public void SetSlowdown(double slowdown) => _throttle.IntervalMs = (long)(_baseIntervalMs * slowdown);

    /// <summary>True (and the interval restarts) when a requote may go now.</summary>
    public bool TryStart(long nowMs)
    {
        if (!Immediate && !_throttle.IsDue(nowMs))
        {
            return false;
        }

        Immediate = false;
        _throttle.Fire(nowMs);
        return true;
    }
}
