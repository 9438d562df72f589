using HyperMM.Core.Accounting;
using HyperMM.Core.Model;
using HyperMM.Core.Strategy;
using HyperMM.Core.Trading;

namespace HyperMM.Journal;

/// <summary>One thing to write. The writer task turns each into an INSERT.</summary>
public abstract record JournalEntry;

public sealed record FillEntry(string Strategy, string Account, Fill Fill, FillBooking Booking, long RecordedMs) : JournalEntry;

/// <summary>A ledger entry other than a fill (opening, mark, adjustment).</summary>
public sealed record LedgerRowEntry(string Strategy, LedgerEntry Entry) : JournalEntry;

public sealed record OrderEntry(string Strategy, long TimeMs, string Action, string? Cloid, long? OrderId, OrderRequest? Request, string Result, RejectReason Reason, string? Message) : JournalEntry;

public sealed record QuoteEntry(string Strategy, long TimeMs, ModelQuote Quote, int Kept, int Requests) : JournalEntry;

public sealed record SnapshotEntry(StrategyStatus Status) : JournalEntry;

public sealed record NoteEntry(string Strategy, long TimeMs, string Level, string Message) : JournalEntry;

/// <summary>Completes when everything enqueued before it is committed.</summary>
public sealed record FlushEntry(TaskCompletionSource Done) : JournalEntry;
