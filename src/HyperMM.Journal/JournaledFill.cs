using HyperMM.Core.Trading;

namespace HyperMM.Journal;

/// <summary>
/// A fill as the journal holds it, with the strategy's position after it, the mid it was booked at, whether that mid
/// was stale, and where the ledger booked it (sequence and time; null and the venue time for schema-1 rows).
/// </summary>
public sealed record JournaledFill(string Strategy, string Account, Fill Fill, bool Historical, decimal PositionAfter, decimal MidAtFill, long RunId, bool MidStale = false)
{
    public long? LedgerSequence { get; init; }

    public long LedgerTimeMs { get; init; }

    /// <summary>The side as the journal stores it: "B" (buy) or "A" (sell).</summary>
    public string SideCode => JournalCommands.Text(Fill.Side);
}
