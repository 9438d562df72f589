namespace HyperMM.Core.Accounting;

/// <summary>
/// What one ledger booked over one window (a run of a strategy, a backtest segment), as plain data: the opening
/// time, the entries in booking order, the end of the window and the loop's counters. <see cref="Replay"/> rebuilds
/// the ledger, so a journal, a backtest result and the live strategy give the same <see cref="LedgerFigures"/>.
/// </summary>
public sealed record LedgerWindow(string Label, long OpenedMs, long AsOfMs, IReadOnlyList<LedgerEntry> Entries, LedgerCounters Counters)
{
    /// <summary>Replays the entries in sequence order; <paramref name="afterEach"/> sees the ledger after each one.</summary>
    public TradeLedger Replay(Action<TradeLedger, LedgerEntry>? afterEach = null)
    {
        var ledger = new TradeLedger(OpenedMs);
        foreach (var entry in Entries.OrderBy(e => e.Sequence))
        {
            ledger.Replay(entry);
            afterEach?.Invoke(ledger, entry);
        }

        return ledger;
    }

    public LedgerFigures Figures() => Replay().Figures(AsOfMs, Counters);

    /// <summary>
    /// The part of the window within [<paramref name="fromMs"/>, <paramref name="toMs"/>] (either may be null): the
    /// position and mid held when it opens are taken over at that mid (a mark and an adjustment at the start), so the
    /// figures cover only what happened inside. Counters are kept as given (the caller counts them for the same span).
    /// </summary>
    public LedgerWindow Slice(long? fromMs, long? toMs)
    {
        var before = new TradeLedger(OpenedMs);
        var inside = new List<LedgerEntry>();
        foreach (var entry in Entries.OrderBy(e => e.Sequence))
        {
            if (fromMs is { } from && entry.TimeMs < from)
            {
                before.Replay(entry);
            }
            else if (toMs is not { } to || entry.TimeMs <= to)
            {
                inside.Add(entry);
            }
        }

        var opened = fromMs is { } start ? Math.Max(OpenedMs, start) : OpenedMs;
        var head = new List<LedgerEntry>();
        if (fromMs is not null && before.Mid > 0m)
        {
            head.Add(new LedgerEntry(1, opened, LedgerEntryKind.Mark, before.Mid, before.Position));
            if (before.Position != 0m)
            {
                head.Add(new LedgerEntry(2, opened, LedgerEntryKind.Adjust, before.Mid, before.Position));
            }
        }

        var entries = head.Concat(inside.Select((e, i) => e with { Sequence = head.Count + i + 1 })).ToList();
        var asOf = Math.Max(opened, toMs is { } end ? Math.Min(AsOfMs, end) : AsOfMs);
        return this with { OpenedMs = opened, AsOfMs = asOf, Entries = entries };
    }
}
