namespace HyperMM.Core.Accounting;

/// <summary>
/// One event the ledger booked, in the order it booked them (<see cref="Sequence"/>, 0 for the opening). Replaying a
/// ledger's entries in sequence order into a new <see cref="TradeLedger"/> gives the same figures: this is what the
/// journal stores and the report and dashboard replay. <see cref="Position"/> is the position after the entry.
/// </summary>
public sealed record LedgerEntry(long Sequence, long TimeMs, LedgerEntryKind Kind, decimal Mid, decimal Position, LedgerFill? Fill = null);
