namespace HyperMM.Hyperliquid.Transport;

/// <summary>
/// The venue's per-IP weight window (PROTOCOL §7.1: 1200 per rolling minute, answered with HTTP 429 beyond it), seen
/// from one process: every request to the venue passes the gate; a 429 closes it for a pause (the answer's
/// Retry-After when it has one, else 1, 2, 4, 8, then <see cref="MaxPause"/> seconds), so no request of this process
/// spends the budget while the window refills, and a success opens it again. Queries
/// (<see cref="Info.InfoClient"/>) then retry instead of failing, until one has waited <see cref="MaxWait"/> in
/// total or the caller's cancellation fires. Each pause is announced once through <see cref="Waiting"/>. Thread-safe;
/// share one gate between every client of one venue (all sessions of one process come from the same IP).
/// </summary>
public sealed class RateLimitGate(TimeProvider time, TimeSpan? maxPause = null, TimeSpan? maxWait = null)
{
    private readonly Lock _gate = new();
    private long _openAtTicks;
    private int _strikes;

    /// <summary>The longest single pause without a Retry-After (default 15 s: a quarter of the window).</summary>
    public TimeSpan MaxPause { get; } = maxPause ?? TimeSpan.FromSeconds(15);

    /// <summary>How long one query may keep waiting through 429s before it fails (default 3 minutes: three windows).</summary>
    public TimeSpan MaxWait { get; } = maxWait ?? TimeSpan.FromMinutes(3);

    /// <summary>Raised once per pause with a line that says what waits and for how long.</summary>
    public event EventHandler<string>? Waiting;

    /// <summary>True while the gate is closed (a strategy waiting here is not stuck).</summary>
    public bool IsPaused
    {
        get
        {
            lock (_gate)
            {
                return time.GetUtcNow().UtcTicks < _openAtTicks;
            }
        }
    }

    /// <summary>Waits until the gate is open (at once when no 429 was seen lately).</summary>
    public async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                wait = TimeSpan.FromTicks(_openAtTicks - time.GetUtcNow().UtcTicks);
            }

            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A request was answered 429: closes the gate (unless an earlier 429 already closed it for longer) and returns
    /// how long from now it stays closed. <paramref name="what"/> names the request for the announcement.
    /// </summary>
    public TimeSpan OnRateLimited(TimeSpan? retryAfter, string what)
    {
        TimeSpan pause;
        bool announce;
        lock (_gate)
        {
            var now = time.GetUtcNow().UtcTicks;
            var already = TimeSpan.FromTicks(Math.Max(0, _openAtTicks - now));
            TimeSpan next;
            if (retryAfter is { } r && r > TimeSpan.Zero)
            {
                next = r;
            }
            else if (already > TimeSpan.Zero)
            {
                // Sent before the gate closed (concurrent requests): the pause already covers it; no escalation.
                next = already;
            }
            else
            {
                next = TimeSpan.FromTicks(Math.Min(MaxPause.Ticks, TimeSpan.FromSeconds(1 << Math.Min(_strikes, 10)).Ticks));
                _strikes++;
            }

            announce = next > already;
            if (announce)
            {
                _openAtTicks = now + next.Ticks;
            }

            pause = announce ? next : already;
        }

        if (announce)
        {
            Waiting?.Invoke(this, $"rate limited by the venue (HTTP 429): waiting {Math.Ceiling(pause.TotalSeconds):0} s before retrying {what}");
        }

        return pause;
    }

    /// <summary>A request went through: the next 429 starts the pauses from the shortest again.</summary>
    public void OnSuccess()
    {
        lock (_gate)
        {
            if (time.GetUtcNow().UtcTicks >= _openAtTicks)
            {
                _strikes = 0;
            }
        }
    }
}
