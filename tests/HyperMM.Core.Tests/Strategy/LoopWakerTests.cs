using HyperMM.Core.Strategy;
using Microsoft.Extensions.Time.Testing;

namespace HyperMM.Core.Tests.Strategy;

/// <summary>The strategy loop's wait: it ends on the pending read, on the timeout, or on cancellation, and on nothing else.</summary>
public sealed class LoopWakerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(500);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(1_757_015_216_000));

    [Fact]
    public async Task Wait_EndsWhenThePendingReadCompletes_NotBefore()
    {
        using var waker = new LoopWaker(_time, CancellationToken.None);
        var read = new TaskCompletionSource<bool>();

        var wait = waker.WaitAsync(read.Task, Timeout);
        _time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(wait.IsCompleted);

        read.SetResult(true);
        await wait.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Wait_EndsAtTheTimeout_AndTheNextWaitStartsItsOwn()
    {
        using var waker = new LoopWaker(_time, CancellationToken.None);
        var read = new TaskCompletionSource<bool>(); // nothing arrives

        var first = waker.WaitAsync(read.Task, Timeout);
        _time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(first.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await first.WaitAsync(TimeSpan.FromSeconds(5));

        // The same pending read and timer serve the next wait: it is not woken by the first one's timer.
        var second = waker.WaitAsync(read.Task, Timeout);
        _time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(second.IsCompleted);
        read.SetResult(true);
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Wait_EndsOnCancellation_EvenWhenCancelledBeforeItStarted()
    {
        using var cts = new CancellationTokenSource();
        using var waker = new LoopWaker(_time, cts.Token);
        var read = new TaskCompletionSource<bool>();

        var wait = waker.WaitAsync(read.Task, Timeout);
        Assert.False(wait.IsCompleted);
        await cts.CancelAsync();
        await wait.WaitAsync(TimeSpan.FromSeconds(5));

        // Cancelled already: the next wait does not sit out its timeout.
        await waker.WaitAsync(read.Task, Timeout).WaitAsync(TimeSpan.FromSeconds(5));
    }
}
