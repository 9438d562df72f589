namespace HyperMM.Core.Strategy;

/// <summary>
/// Parks the strategy loop until one of three things: the pending read of the event stream completes, the wait's
/// timeout passes, or the run is cancelled. One timer (from the loop's <see cref="TimeProvider"/>) and one
/// cancellation registration serve every wait of a run, instead of a <c>Task.Delay</c>, a linked token source and a
/// <c>Task.WhenAny</c> per wait. The wake-up completes the wait on the waking thread (the timer's, the event
/// source's), so a backtest's loop runs on its driver's thread without hops. A spurious early wake-up is possible
/// (a timer that fired as the previous wait ended) and harmless: the loop checks its clock and waits again.
/// </summary>
internal sealed class LoopWaker : IDisposable
{
    private readonly ITimer _timer;
    private readonly CancellationToken _token;
    private readonly CancellationTokenRegistration _cancellation;
    private TaskCompletionSource? _waiting;
    private Task? _hooked;

    public LoopWaker(TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        _timer = time.CreateTimer(static s => ((LoopWaker)s!).Wake(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _token = cancellationToken;
        _cancellation = cancellationToken.UnsafeRegister(static s => ((LoopWaker)s!).Wake(), this);
    }

    /// <summary>Completes when <paramref name="pending"/> completes, <paramref name="timeout"/> passes or the run is cancelled.</summary>
    public async Task WaitAsync(Task pending, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var waiting = new TaskCompletionSource();
        Volatile.Write(ref _waiting, waiting);
        if (_token.IsCancellationRequested)
        {
            Wake(); // cancelled before this wait was set up: its registration found no wait to complete
        }

        if (!ReferenceEquals(_hooked, pending))
        {
            _hooked = pending;
            _ = pending.ContinueWith(static (_, s) => ((LoopWaker)s!).Wake(), this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        // Armed last: a simulated clock takes the arming as "the loop is parked" and may fire the timer at once.
        _timer.Change(timeout, Timeout.InfiniteTimeSpan);
        await waiting.Task.ConfigureAwait(false);
        _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        _cancellation.Dispose();
        _timer.Dispose();
    }

    private void Wake() => Interlocked.Exchange(ref _waiting, null)?.TrySetResult();
}
