using System.Collections.Concurrent;
using HyperMM.Core.Accounting;
using HyperMM.Core.Model;
using HyperMM.Core.Strategy;
using HyperMM.Core.Trading;

namespace HyperMM.TestSupport;

/// <summary>
/// Records everything a strategy loop reports and lets a test await a condition on it (re-checked on every
/// callback) instead of sleeping. The timeout only guards against a hung test.
/// </summary>
public sealed class RecordingObserver : IStrategyObserver
{
    private readonly object _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<ModelQuote> Quotes { get; } = new();

    public ConcurrentQueue<(string Action, OrderRequest Request, OrderResult Result)> OrderResults { get; } = new();

    public ConcurrentQueue<(Fill Fill, bool Historical)> Fills { get; } = new();

    public ConcurrentQueue<StrategyStatus> Statuses { get; } = new();

    public ConcurrentQueue<FillBooking> Bookings { get; } = new();

    /// <summary>Ledger entries other than fills (opening, marks, adjustments), in booking order.</summary>
    public ConcurrentQueue<LedgerEntry> Ledger { get; } = new();

    public ConcurrentQueue<(string Level, string Message)> Notes { get; } = new();

    public StrategyStatus? LastStatus => Statuses.LastOrDefault();

    public void OnQuote(string strategy, long timeMs, ModelQuote quote, RequotePlan plan)
    {
        Quotes.Enqueue(quote);
        Pulse();
    }

    public void OnOrderResult(string strategy, long timeMs, string action, OrderRequest request, OrderResult result)
    {
        OrderResults.Enqueue((action, request, result));
        Pulse();
    }

    public void OnCancelResult(string strategy, long timeMs, ManagedOrder order, CancelResult result) => Pulse();

    public void OnFill(string strategy, Fill fill, FillBooking booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        Fills.Enqueue((fill, booking.Historical));
        Bookings.Enqueue(booking);
        Pulse();
    }

    public void OnLedger(string strategy, LedgerEntry entry)
    {
        Ledger.Enqueue(entry);
        Pulse();
    }

    public void OnStatus(StrategyStatus status)
    {
        Statuses.Enqueue(status);
        Pulse();
    }

    public void OnNote(string strategy, long timeMs, string level, string message)
    {
        Notes.Enqueue((level, message));
        Pulse();
    }

    /// <summary>Completes when <paramref name="condition"/> holds; fails the test after <paramref name="timeoutSeconds"/>.</summary>
    public async Task WaitForAsync(Func<bool> condition, string what, double timeoutSeconds = 10)
    {
        if (!await TryWaitForAsync(condition, timeoutSeconds).ConfigureAwait(false))
        {
            throw new TimeoutException($"timed out waiting for: {what}. Notes: {string.Join(" | ", Notes.Select(n => n.Message))}");
        }
    }

    /// <summary>True as soon as <paramref name="condition"/> holds, false after <paramref name="timeoutSeconds"/>.</summary>
    public async Task<bool> TryWaitForAsync(Func<bool> condition, double timeoutSeconds)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = Environment.TickCount64 + (long)(timeoutSeconds * 1000);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (condition())
            {
                return true;
            }

            var left = TimeSpan.FromMilliseconds(deadline - Environment.TickCount64);
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            await Task.WhenAny(changed, Task.Delay(left)).ConfigureAwait(false);
        }
    }

    private void Pulse()
    {
        TaskCompletionSource old;
        lock (_gate)
        {
            old = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        old.TrySetResult();
    }
}
