namespace HyperMM.Core.Accounting;

/// <summary>
/// One markout horizon: fills wait until their horizon (fill time + seconds) has passed on the ledger's clock, then
/// are marked at the mid in force at that instant (the newest mark at or before it).
/// </summary>
internal sealed class MarkoutTracker(int seconds)
{
    private readonly Queue<(long DueMs, decimal Signed, decimal Price)> _pending = new();
    private decimal _pnl;
    private decimal _notional;
    private long _count;

    public int Seconds { get; } = seconds;

    public void Add(long timeMs, decimal signedSize, decimal price) => _pending.Enqueue((timeMs + (Seconds * 1000L), signedSize, price));

    /// <summary>Marks every waiting fill due before <paramref name="timeMs"/> (or at it, when <paramref name="inclusive"/>) at <paramref name="mid"/>.</summary>
    public void Resolve(long timeMs, bool inclusive, decimal mid)
    {
        while (_pending.TryPeek(out var p) && (p.DueMs < timeMs || (inclusive && p.DueMs == timeMs)))
        {
            _pending.Dequeue();
            _pnl += p.Signed * (mid - p.Price);
            _notional += Math.Abs(p.Signed) * p.Price;
            _count++;
        }
    }

    /// <summary>The figure as of <paramref name="asOfMs"/>, with <paramref name="mid"/> in force since the last event; nothing changes.</summary>
    public MarkoutFigure Figure(long asOfMs, decimal mid)
    {
        decimal pnl = _pnl, notional = _notional;
        long count = _count, pending = 0;
        foreach (var p in _pending)
        {
            if (p.DueMs <= asOfMs)
            {
                pnl += p.Signed * (mid - p.Price);
                notional += Math.Abs(p.Signed) * p.Price;
                count++;
            }
            else
            {
                pending++;
            }
        }

        return new MarkoutFigure(Seconds, count, pending, pnl, notional);
    }
}
