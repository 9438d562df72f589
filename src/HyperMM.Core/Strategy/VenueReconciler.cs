using HyperMM.Core.Trading;

namespace HyperMM.Core.Strategy;

/// <summary>
/// Brings the strategy's view back in line with the venue's over REST: fills the stream never delivered, the
/// position and the orders after a stream interruption, orders whose fate was unclear, and cancels that the venue's
/// rate limits refused (retried patiently). Owns whether the stream has come back since it was interrupted.
/// </summary>
public sealed class VenueReconciler(LoopServices loop)
{
    /// <summary>Attempts of <see cref="CancelPatientlyAsync"/> before what is left is reported.</summary>
    private const int PatientCancelAttempts = 6;

    /// <summary>Once the address budget is used up the venue still takes one request per 10 s (PROTOCOL §7.2).</summary>
    private static readonly TimeSpan AddressBudgetPause = TimeSpan.FromSeconds(10);

    /// <summary>True once the stream is back after an interruption: the owed resync can run.</summary>
    public bool StreamRestored { get; private set; }

    public void OnStreamInterrupted(MarketMaker maker, string reason)
    {
        ArgumentNullException.ThrowIfNull(maker);
        maker.AwaitingResync = true;
        StreamRestored = false;
        loop.Note("warn", "stream interrupted: " + reason + "; quotes pulled until resync");
    }

    public void OnStreamRestored() => StreamRestored = true;

    /// <summary>
    /// Fills since a minute before the newest one we know (venue clock) that the stream never delivered: after a
    /// stream interruption, and once more at shutdown (a fill between the last event read and the cancel). Each is
    /// applied once (de-duplicated by tid) and reported. Returns how many were new to the position.
    /// </summary>
    public async Task<int> RecoverFillsAsync(MarketMaker maker, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(maker);
        var since = Math.Max(0, Math.Max(maker.AdoptedAtMs, maker.LastFillVenueMs) - 60_000);
        var fills = await loop.Exchange.GetFillsAsync(since, ct).ConfigureAwait(false);
        var now = loop.NowMs;
        var recovered = 0;
        foreach (var fill in fills)
        {
            recovered += loop.ApplyFill(maker, fill, now) == FillOutcome.Applied ? 1 : 0;
        }

        return recovered;
    }

    /// <summary>
    /// Cancels, and while the venue refuses for its limits (the address request budget, the IP weight window) waits and
    /// tries the refused ones again, saying so, instead of giving up: reconciliation after a restart must clear what an
    /// earlier run left. Bounded by <see cref="PatientCancelAttempts"/> and the run's cancellation. Returns how many
    /// orders are gone.
    /// </summary>
    public async Task<int> CancelPatientlyAsync(MarketMaker maker, IReadOnlyList<CancelRequest> cancels, string what, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(maker);
        ArgumentNullException.ThrowIfNull(cancels);
        var gone = 0;
        var pending = cancels;
        for (var attempt = 1; ; attempt++)
        {
            maker.Stats.RequestsSent += pending.Count;
            var results = await loop.Exchange.CancelOrdersAsync(pending, ct).ConfigureAwait(false);
            loop.MarkProgress();
            var again = new List<CancelRequest>();
            for (var i = 0; i < pending.Count && i < results.Count; i++)
            {
                if (results[i].OrderGone)
                {
                    gone++;
                }
                else if (results[i].Reason is RejectReason.AddressRateLimited or RejectReason.HttpRateLimited)
                {
                    again.Add(pending[i]);
                }
            }

            if (again.Count == 0 || attempt >= PatientCancelAttempts)
            {
                return gone;
            }

            loop.Note("warn", FormattableString.Invariant(
                $"rate limited by the venue: waiting {AddressBudgetPause.TotalSeconds:0} s before retrying the cancel of {again.Count} {what}"));
            await WaitAliveAsync(AddressBudgetPause, ct).ConfigureAwait(false);
            pending = again;
        }
    }

    /// <summary>The resync owed after a stream interruption: missed fills, the venue's position, our orders as it lists them.</summary>
    public async Task ResyncAsync(MarketMaker maker, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(maker);
        var recovered = await RecoverFillsAsync(maker, ct).ConfigureAwait(false);

        var account = await loop.Exchange.GetAccountAsync(loop.Parameters.Coin, ct).ConfigureAwait(false);
        if (account.Position != maker.Ledger.Position)
        {
            loop.Note("warn", FormattableString.Invariant($"resync: venue position {account.Position} differs from ours {maker.Ledger.Position}; adopting the venue's"));
            loop.Book(maker.AdoptPosition(account.Position, account.EntryPrice, loop.NowMs));
        }

        // Our tracked orders that the venue no longer lists are gone; ours it lists that we lost track of are cancelled.
        var venueByCloid = loop.Ours.In(account).ToDictionary(o => o.Cloid!.Value);
        foreach (var order in maker.Orders.All.ToList())
        {
            if (venueByCloid.Remove(order.Cloid, out var listed))
            {
                maker.ApplyLookup(order, new OrderLookup(order.Cloid, OrderState.Open, listed));
            }
            else
            {
                maker.Orders.Remove(order);
            }
        }

        if (venueByCloid.Count > 0)
        {
            var cancels = venueByCloid.Values.Select(OwnOrders.CancelOf).ToList();
            await CancelPatientlyAsync(maker, cancels, "orders the venue lists that we lost track of", ct).ConfigureAwait(false);
        }

        maker.AwaitingResync = false;
        loop.Note("info", FormattableString.Invariant($"resynced over REST: {recovered} missed fills applied, position {maker.Ledger.Position}, {maker.Orders.Count} orders tracked"));
    }

    /// <summary>Looks up every order whose fate was unclear and adopts the venue's answer.</summary>
    public async Task ResolveUnclearAsync(MarketMaker maker, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(maker);
        foreach (var order in maker.Orders.All.Where(o => o.State == ManagedOrderState.Ambiguous).ToList())
        {
            var lookup = await loop.Exchange.GetOrderAsync(order.Cloid, ct).ConfigureAwait(false);
            maker.ApplyLookup(order, lookup);
            loop.Note("info", FormattableString.Invariant($"order {order.Cloid} after an unclear answer: {lookup.State}"));
        }
    }

    /// <summary>Waits, marking progress every second: a loop waiting for the venue is not a stuck loop.</summary>
    private async Task WaitAliveAsync(TimeSpan wait, CancellationToken ct)
    {
        var time = loop.Time;
        var until = time.GetTimestamp() + (long)(wait.TotalSeconds * time.TimestampFrequency);
        while (time.GetTimestamp() < until)
        {
            loop.MarkProgress();
            var left = TimeSpan.FromSeconds((until - time.GetTimestamp()) / (double)time.TimestampFrequency);
            await Task.Delay(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1), time, ct).ConfigureAwait(false);
        }
    }
}
