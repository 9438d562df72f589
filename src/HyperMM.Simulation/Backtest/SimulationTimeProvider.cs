namespace HyperMM.Simulation.Backtest;

/// <summary>
/// Simulated time, in whole milliseconds, moved only by <see cref="AdvanceTo"/>. Timers fire synchronously, in due
/// order, on the thread that advances time. <see cref="TimerArmed"/> tells a driver that something started
/// waiting (the strategy loop arms a timer each time it parks).
/// </summary>
public sealed class SimulationTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<SimulationTimer> _timers = [];
    private long _nowMs;

    public SimulationTimeProvider(long startMs) => _nowMs = startMs;

    /// <summary>
    /// Called (on the arming thread) each time a timer is given a finite due time, after it is set. Task.Delay may
    /// create its timer disarmed and arm it next, so arming (not creation) is the moment a waiter is ready.
    /// </summary>
    public Action<ITimer>? TimerArmed { get; set; }

    public long NowMs => Volatile.Read(ref _nowMs);

    /// <summary>Moves the clock forward without firing timers (the driver fires the ones it means to).</summary>
    public void SetNow(long timeMs)
    {
        lock (_gate)
        {
            _nowMs = Math.Max(_nowMs, timeMs);
        }
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => 1000;

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.FromUnixTimeMilliseconds(NowMs);

    public override long GetTimestamp() => NowMs;

    /// <summary>Due time of the earliest active timer, or null.</summary>
    public long? NextDueMs
    {
        get
        {
            lock (_gate)
            {
                long? next = null;
                foreach (var timer in _timers)
                {
                    if (timer.DueMs is { } due && (next is null || due < next))
                    {
                        next = due;
                    }
                }

                return next;
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SimulationTimer(this, callback, state);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves time forward to <paramref name="timeMs"/> (never back), firing due timers on the way.</summary>
    public void AdvanceTo(long timeMs)
    {
        while (true)
        {
            SimulationTimer? due = null;
            lock (_gate)
            {
                foreach (var timer in _timers)
                {
                    if (timer.DueMs is { } d && d <= timeMs && (due is null || d < due.DueMs))
                    {
                        due = timer;
                    }
                }

                if (due is null)
                {
                    break;
                }

                _nowMs = Math.Max(_nowMs, due.DueMs!.Value);
                due.Rearm();
            }

            due.Fire();
        }

        lock (_gate)
        {
            _nowMs = Math.Max(_nowMs, timeMs);
        }
    }

    /// <summary>Fires an armed timer now, ahead of its due time (it will not fire again unless re-armed).</summary>
    public void FireNow(ITimer timer)
    {
        if (timer is not SimulationTimer own || own.DueMs is null)
        {
            return;
        }

        lock (_gate)
        {
            own.Rearm();
        }

        own.Fire();
    }

    internal void Remove(SimulationTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    internal sealed class SimulationTimer(SimulationTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private long _periodMs;

        public long? DueMs { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            DueMs = dueTime == Timeout.InfiniteTimeSpan ? null : owner.NowMs + (long)Math.Max(0, dueTime.TotalMilliseconds);
            _periodMs = period == Timeout.InfiniteTimeSpan ? 0 : (long)period.TotalMilliseconds;
            if (DueMs is not null)
            {
                owner.TimerArmed?.Invoke(this);
            }

            return true;
        }

        public void Rearm() => DueMs = _periodMs > 0 ? DueMs + _periodMs : null;

        public void Fire() => callback(state);

        public void Dispose()
        {
            DueMs = null;
            owner.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
