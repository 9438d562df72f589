using HyperMM.Core.Accounting;
using HyperMM.Core.Trading;

namespace HyperMM.Core.Strategy;

/// <summary>
/// How the strategy took a fill, for the journal and the observers: whether it predates the adopted position
/// (<see cref="Historical"/>: recorded, not booked), the position after it, the mid it was booked at (last valid
/// mid, or the fill price before any valid book; never 0) and whether that mid was stale, and the ledger's sequence
/// number and time (0 and the strategy's clock for a historical fill).
/// </summary>
public sealed record FillBooking(bool Historical, decimal PositionAfter, decimal Mid, bool MidStale, long Sequence, long LedgerTimeMs)
{
    /// <summary>The fill as the ledger books it.</summary>
    public LedgerFill LedgerFill(Fill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        return new LedgerFill(LedgerTimeMs, fill.Side, fill.Price, fill.Size, fill.Fee, fill.Crossed, Mid, MidStale);
    }

    /// <summary>The ledger entry of a booked fill (for replay).</summary>
    public LedgerEntry Entry(Fill fill) => new(Sequence, LedgerTimeMs, LedgerEntryKind.Fill, Mid, PositionAfter, LedgerFill(fill));
}
