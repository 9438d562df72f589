using HyperMM.Core.Primitives;

namespace HyperMM.Core.Accounting;

/// <summary>
/// A fill as the ledger books it. <see cref="TimeMs"/> is the strategy's clock when the fill was applied (the same
/// clock as the marks). <see cref="Mid"/> is the mid of the last valid book at that moment (never 0: with no valid
/// book yet, the fill price); <see cref="MidStale"/> says that book was invalid or older than stale_book_seconds.
/// <see cref="Fee"/> is positive for a cost, negative for a rebate.
/// </summary>
public sealed record LedgerFill(long TimeMs, Side Side, decimal Price, decimal Size, decimal Fee, bool Taker, decimal Mid, bool MidStale)
{
    /// <summary>+size for a buy, −size for a sell.</summary>
    public decimal SignedSize => Side.Sign() * Size;
}
