using HyperMM.Core.Primitives;

namespace HyperMM.Core.Strategy;

/// <summary>
/// The position is built from fills as they arrive; every so often it is compared with the venue's. A mismatch seen
/// twice in a row (so not a fill in flight) is corrected to the venue's figure and reported.
/// </summary>
public sealed class PositionReconciler(TimeSpan interval)
{
    private readonly Throttle _throttle = new((long)interval.TotalMilliseconds);
    private decimal? _pendingMismatch;

    /// <summary>Compares when due; true when the position was corrected (the quotes must follow).</summary>
    public async Task<bool> CheckAsync(LoopServices loop, MarketMaker maker, long nowMs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(loop);
        ArgumentNullException.ThrowIfNull(maker);
        if (interval <= TimeSpan.Zero || !_throttle.TryFire(nowMs))
        {
            return false;
        }

        var account = await loop.Exchange.GetAccountAsync(loop.Parameters.Coin, ct).ConfigureAwait(false);
        if (account.Position == maker.Ledger.Position)
        {
            _pendingMismatch = null;
            return false;
        }

        if (_pendingMismatch != account.Position)
        {
            _pendingMismatch = account.Position;
            return false;
        }

        loop.Note("warn", FormattableString.Invariant($"position check: venue {account.Position}, ours {maker.Ledger.Position}; adopting the venue's"));
        loop.Book(maker.AdoptPosition(account.Position, account.EntryPrice, nowMs));
        _pendingMismatch = null;
        return true;
    }
}
