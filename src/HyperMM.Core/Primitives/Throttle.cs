namespace HyperMM.Core.Primitives;

/// <summary>
/// "At most once every N ms": the first call fires, then one call per interval (times in ms from the caller's clock).
/// The interval may change (a slowdown) without resetting the last firing.
/// </summary>
public sealed class Throttle
{
    private long _lastMs = long.MinValue;

    public Throttle(long intervalMs) => IntervalMs = intervalMs;

    public long IntervalMs { get; set; }

    /// <summary>True (and the interval restarts) when it never fired or the interval has passed since it last did.</summary>
    public bool TryFire(long nowMs)
    {
        if (!IsDue(nowMs))
        {
            return false;
        }

        _lastMs = nowMs;
        return true;
    }

    /// <summary>Fires now, due or not (the interval restarts).</summary>
    public void Fire(long nowMs) => _lastMs = nowMs;

    /// <summary>True when <see cref="TryFire"/> would fire, without firing.</summary>
    public bool IsDue(long nowMs) => _lastMs == long.MinValue || nowMs - _lastMs >= IntervalMs;

    /// <summary>Whether it has ever fired.</summary>
    public bool HasFired => _lastMs != long.MinValue;
}
