using System.Collections.Concurrent;
using HyperMM.Core.Accounting;
using HyperMM.Core.Model;
using HyperMM.Core.Strategy;
using HyperMM.Core.Trading;

namespace HyperMM.Journal;

/// <summary>
/// Turns what the strategy loops report into journal entries: every fill (once per tid), every order answer and
/// cancel, every quote decision, notes, and a position/PnL snapshot per strategy every
/// <see cref="SnapshotIntervalMs"/> (and at every mode change).
/// </summary>
public sealed class JournalObserver : IStrategyObserver
{
    private readonly JournalWriter _writer;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, (long TimeMs, StrategyMode Mode)> _lastSnapshot = new(StringComparer.Ordinal);

    public JournalObserver(JournalWriter writer, TimeProvider time, long snapshotIntervalMs = 5_000)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(time);
        _writer = writer;
        _time = time;
        SnapshotIntervalMs = snapshotIntervalMs;
    }

    public long SnapshotIntervalMs { get; }

    public void OnQuote(string strategy, long timeMs, ModelQuote quote, RequotePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _writer.Enqueue(new QuoteEntry(strategy, timeMs, quote, plan.Kept, plan.RequestCost));
    }

    public void OnOrderResult(string strategy, long timeMs, string action, OrderRequest request, OrderResult result)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = result.Kind switch
        {
            OrderResultKind.Resting => "resting",
            OrderResultKind.Filled => "filled",
            _ => "rejected",
        };
        _writer.Enqueue(new OrderEntry(strategy, timeMs, action, request.Cloid?.ToString(), result.IsAccepted ? result.OrderId.Value : null, request, outcome, result.Reason, result.Message));
    }

    public void OnCancelResult(string strategy, long timeMs, ManagedOrder order, CancelResult result)
    {
        ArgumentNullException.ThrowIfNull(order);
        _writer.Enqueue(new OrderEntry(strategy, timeMs, "cancel", order.Cloid.ToString(), order.OrderId?.Value, null, result.Success ? "cancelled" : "failed", result.Reason, result.Message));
    }

    public void OnFill(string strategy, Fill fill, FillBooking booking) =>
        _writer.Enqueue(new FillEntry(strategy, _writer.AccountOf(strategy), fill, booking, _time.GetUtcNow().ToUnixTimeMilliseconds()));

    public void OnLedger(string strategy, LedgerEntry entry) => _writer.Enqueue(new LedgerRowEntry(strategy, entry));

    public void OnStatus(StrategyStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (_lastSnapshot.TryGetValue(status.Name, out var last)
            && status.Mode == last.Mode
            && status.TimeMs - last.TimeMs < SnapshotIntervalMs
            && status.Mode != StrategyMode.Stopped)
        {
            return;
        }

        _lastSnapshot[status.Name] = (status.TimeMs, status.Mode);
        _writer.Enqueue(new SnapshotEntry(status));
    }

    public void OnNote(string strategy, long timeMs, string level, string message) =>
        _writer.Enqueue(new NoteEntry(strategy, timeMs, level, message));
}
