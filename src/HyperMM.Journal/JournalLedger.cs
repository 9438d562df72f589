using System.Globalization;
using HyperMM.Core.Accounting;
using HyperMM.Core.Primitives;
using HyperMM.Core.Strategy;
using HyperMM.Core.Trading;

namespace HyperMM.Journal;

/// <summary>
/// Reads back what a strategy's ledger booked in one run (through <see cref="JournalReader.Window"/>: the report and the dashboard both read it there), as a
/// <see cref="LedgerWindow"/> to replay. Runs journaled with schema 2 replay exactly: the opening, marks and
/// adjustments from the ledger table, the fills with their ledger sequence, time, mid and stale flag. Runs journaled
/// before (schema 1) are rebuilt as well as their rows allow: marks from the quote decisions' mids, fills at their
/// venue time and journaled mid (the fill price, stale, where that was 0), the position held before the first fill
/// taken over at the first mark. Counters come from the run's newest snapshot (requests, requotes, fill pressure,
/// invalid books) and from the orders table (orders placed, rejections by reason).
/// </summary>
internal static class JournalLedger
{
    public static LedgerWindow Window(JournalReader reader, JournalRun run, string strategy, long? fromMs, long? toMs)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(run);
        var rows = reader.LedgerRows(run.RunId, strategy);
        long? opened = rows.Where(e => e.Kind == LedgerEntryKind.Open).Select(e => (long?)e.TimeMs).Min();
        var entries = opened is null ? LegacyEntries(reader, run.RunId, strategy) : Entries(reader, rows, run.RunId, strategy);
        var firstMs = opened ?? (entries.Count > 0 ? entries[0].TimeMs : run.StartedMs);
        var lastSnapshot = Newest(reader, run.RunId, strategy, null)?.TimeMs ?? firstMs;
        var asOf = Math.Max(lastSnapshot, entries.Count > 0 ? entries[^1].TimeMs : firstMs);
        var window = new LedgerWindow(string.Create(CultureInfo.InvariantCulture, $"run {run.RunId}"), firstMs, asOf, entries, Counters(reader, run.RunId, strategy, fromMs, toMs));
        return fromMs is null && toMs is null ? window : window.Slice(fromMs, toMs);
    }

    private static List<LedgerEntry> Entries(JournalReader reader, IReadOnlyList<LedgerEntry> rows, long runId, string strategy)
    {
        var entries = rows.Where(e => e.Kind != LedgerEntryKind.Open).ToList();
        entries.AddRange(Fills(reader, runId, strategy).Select(f => f.Booking.Entry(f.Fill)));
        return entries.OrderBy(e => e.Sequence).ToList();
    }

    /// <summary>Booked fills (historical ones are not in the ledger) of the run, with how they were booked.</summary>
    private static IEnumerable<(Fill Fill, FillBooking Booking)> Fills(JournalReader reader, long runId, string strategy) =>
        reader.Fills(strategy, [runId], bookedOnly: true).Select(f =>
        {
            var mid = f.MidAtFill;
            return (f.Fill, new FillBooking(false, f.PositionAfter, mid > 0m ? mid : f.Fill.Price, mid <= 0m || f.MidStale, f.LedgerSequence ?? 0, f.LedgerTimeMs));
        });

    /// <summary>Schema-1 runs: marks from quote mids and fills in time order (a quote before a fill at the same ms).</summary>
    private static List<LedgerEntry> LegacyEntries(JournalReader reader, long runId, string strategy)
    {
        var marks = reader.Quotes(strategy, [runId]).Where(q => q.Mid > 0m)
            .Select(q => (q.TimeMs, Order: 0, q.Mid, Fill: ((Fill Fill, FillBooking Booking)?)null));
        var fills = Fills(reader, runId, strategy).Select(f => (f.Fill.TimeMs, Order: 1, f.Booking.Mid, Fill: ((Fill Fill, FillBooking Booking)?)f));
        var timeline = marks.Concat(fills).OrderBy(x => x.TimeMs).ThenBy(x => x.Order).ToList();
        var entries = new List<LedgerEntry>(timeline.Count + 1);
        var position = 0m;
        var seq = 0L;
        foreach (var (time, _, mid, fill) in timeline)
        {
            if (fill is not { } f)
            {
                entries.Add(new LedgerEntry(++seq, time, LedgerEntryKind.Mark, mid, position));
                continue;
            }

            // A position the fills do not explain (held at start, or corrected by a resync) is taken over at this fill's mid.
            var before = f.Booking.PositionAfter - (f.Fill.Side.Sign() * f.Fill.Size);
            if (before != position)
            {
                entries.Add(new LedgerEntry(++seq, time, LedgerEntryKind.Adjust, mid, before));
            }

            var booking = f.Booking with { Sequence = ++seq, LedgerTimeMs = time };
            entries.Add(booking.Entry(f.Fill));
            position = booking.PositionAfter;
        }

        return entries;
    }

    /// <summary>The loop's counters over [from, to]: growth of the run's cumulative snapshot counters, orders and rejections from the orders table.</summary>
    private static LedgerCounters Counters(JournalReader reader, long runId, string strategy, long? fromMs, long? toMs)
    {
        var upTo = Newest(reader, runId, strategy, toMs);
        var before = fromMs is null ? null : Newest(reader, runId, strategy, fromMs - 1); // strictly before from (integer ms)
        long placed = 0;
        var rejections = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (result, reason, count) in reader.OrderCounts(runId, strategy, fromMs, toMs))
        {
            placed += count;
            if (result == "rejected")
            {
                rejections[reason] = count;
            }
        }

        return new LedgerCounters(
            (upTo?.Requests ?? 0) - (before?.Requests ?? 0),
            (upTo?.Requotes ?? 0) - (before?.Requotes ?? 0),
            placed,
            (upTo?.FillPressureMs ?? 0) - (before?.FillPressureMs ?? 0),
            (upTo?.InvalidBooks ?? 0) - (before?.InvalidBooks ?? 0),
            rejections);
    }

    /// <summary>The run's newest snapshot of the strategy at or before a time (any time when null), or null.</summary>
    private static JournaledSnapshot? Newest(JournalReader reader, long runId, string strategy, long? atOrBeforeMs) =>
        reader.Snapshots(strategy, [runId], atOrBeforeMs, newest: 1).SingleOrDefault();
}
