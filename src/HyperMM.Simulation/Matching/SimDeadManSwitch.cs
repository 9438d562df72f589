using HyperMM.Core.Trading;

namespace HyperMM.Simulation.Matching;

/// <summary>
/// The venue's dead-man switch (<c>scheduleCancel</c>) per account: set or cleared under the venue's rules, and when
/// its time has come every open order of the account is cancelled (status <c>scheduledCancel</c>).
/// </summary>
internal sealed class SimDeadManSwitch(SimAccounts accounts, SimMarkets markets, SimOrders orders, MatchingEngineOptions options)
{
    /// <summary>
    /// Sets (or with null clears) the switch. Refused until the account has traded the volume gate, and when the time
    /// is less than the minimum lead away (whole-action errors, no asset suffix).
    /// </summary>
    public CancelResult Schedule(AccountLedger ledger, long? atMs, long now)
    {
        if (ledger.CumulativeVolumeUsd < options.ScheduleCancelVolumeGateUsd)
        {
            return CancelResult.Failed(RejectReason.ScheduledCancelRefused,
                VenueErrors.ScheduleCancelVolumeGate(options.ScheduleCancelVolumeGateUsd, ledger.CumulativeVolumeUsd));
        }

        if (atMs is { } at && at < now + (long)options.ScheduleCancelMinLead.TotalMilliseconds)
        {
            return CancelResult.Failed(RejectReason.ScheduledCancelRefused, VenueErrors.ScheduleCancelTooEarly);
        }

        ledger.ScheduledCancelMs = atMs;
        return CancelResult.Ok;
    }

    /// <summary>Fires every switch whose time has come.</summary>
    public void Fire(long now)
    {
        foreach (var ledger in accounts.All)
        {
            if (ledger.ScheduledCancelMs is not { } at || at > now)
            {
                continue;
            }

            ledger.ScheduledCancelMs = null;
            ledger.ScheduledCancelTriggers++;
            foreach (var order in ledger.OpenOrders.Values.OrderBy(o => o.OrderId.Value).ToList())
            {
                var book = markets[order.Coin];
                orders.RemoveResting(book, order, OrderState.OtherTerminal, "scheduledCancel", now);
                markets.Publish(book, now);
            }
        }
    }
}
