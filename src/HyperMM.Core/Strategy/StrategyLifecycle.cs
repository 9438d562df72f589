using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;

namespace HyperMM.Core.Strategy;

/// <summary>
/// The strategy's start (instrument, leverage, subscription, the venue's position adopted, fills backfilled, orders
/// left by an earlier run of this strategy cancelled) and its stop (every order it owns cancelled, then whatever the
/// venue still lists under its tag, the dead-man switch cleared, fills that raced the cancel recovered).
/// </summary>
public sealed class StrategyLifecycle(LoopServices loop, VenueReconciler reconciler, DeadManSwitch deadMan)
{
    public async Task<MarketMaker> StartAsync(Action<MarketMaker> created, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(created);
        var p = loop.Parameters;
        var exchange = loop.Exchange;
        loop.MarkProgress();
        var instrument = await exchange.GetInstrumentAsync(p.Coin, ct).ConfigureAwait(false);
        loop.MarkProgress();
        var maker = new MarketMaker(p, instrument, new CloidFactory(p.Name, loop.Options.RunId), loop.NowMs);
        created(maker);
        loop.Observer.OnLedger(p.Name, maker.Ledger.OpeningEntry);
        loop.Note("info", FormattableString.Invariant(
            $"starting on {p.Coin} (asset {instrument.AssetId}, lot {instrument.LotSize}), account {exchange.Account}, model {p.Model.Name}, mode {p.RequoteMode}"));

        if (!loop.Options.DryRun && !await exchange.SetLeverageAsync(p.Coin, p.Leverage, true, ct).ConfigureAwait(false))
        {
            loop.Note("warn", FormattableString.Invariant($"could not set leverage {p.Leverage}x; continuing with the account's current leverage"));
        }

        loop.MarkProgress();
        await exchange.SubscribeAsync(p.Coin, ct).ConfigureAwait(false);
        loop.MarkProgress();
        var account = await exchange.GetAccountAsync(p.Coin, ct).ConfigureAwait(false);
        loop.MarkProgress();
        loop.Book(maker.AdoptAccount(account, loop.NowMs));
        loop.Note("info", FormattableString.Invariant($"position at start {account.Position} (entry {account.EntryPrice}), account value {account.AccountValue} USD"));
        if (loop.Options.BackfillFillsSinceMs is { } since)
        {
            var backfilled = 0;
            foreach (var fill in await exchange.GetFillsAsync(since, ct).ConfigureAwait(false))
            {
                backfilled += loop.ApplyFill(maker, fill, loop.NowMs) is null ? 0 : 1;
            }

            loop.Note("info", FormattableString.Invariant($"backfill: {backfilled} fills since {DateTimeOffset.FromUnixTimeMilliseconds(since):u} reported by the venue"));
        }

        // Orders left by an earlier run of this strategy (same cloid tag) are removed: their prices are stale and
        // nothing tracks them. Foreign orders on the coin are left alone but reported.
        var stale = new List<CancelRequest>();
        foreach (var order in account.OpenOrders)
        {
            if (loop.Ours.IsOurs(order))
            {
                stale.Add(OwnOrders.CancelOf(order));
            }
            else
            {
                loop.Note("warn", FormattableString.Invariant($"foreign order on {order.Coin}: {order.Side} {order.Size} @ {order.Price} (oid {order.OrderId}) is not ours and is left alone"));
            }
        }

        if (stale.Count > 0 && loop.Options.DryRun)
        {
            loop.Note("warn", FormattableString.Invariant($"dry run: {stale.Count} orders left by an earlier run are NOT cancelled"));
        }
        else if (stale.Count > 0)
        {
            var gone = await reconciler.CancelPatientlyAsync(maker, stale, "orders left by an earlier run", ct).ConfigureAwait(false);
            loop.Note(gone == stale.Count ? "info" : "warn", FormattableString.Invariant($"cancelled {gone} of {stale.Count} orders left by an earlier run"));
        }

        return maker;
    }

    /// <summary>Cancels everything the strategy owns (not in a dry run); reports what it could not confirm, never throws.</summary>
    public async Task StopAsync(MarketMaker maker)
    {
        ArgumentNullException.ThrowIfNull(maker);
        if (loop.Options.DryRun)
        {
            return;
        }

        var p = loop.Parameters;
        using var cts = new CancellationTokenSource(loop.Options.ShutdownTimeout, loop.Time);
        var step = "cancelling its orders";
        var confirmed = false;
        try
        {
            var cancels = maker.Orders.All.Select(o => new CancelRequest(p.Coin, o.OrderId, o.Cloid)).ToList();
            if (cancels.Count > 0)
            {
                maker.Stats.RequestsSent += cancels.Count;
                var results = await loop.Exchange.CancelOrdersAsync(cancels, cts.Token).ConfigureAwait(false);
                var orders = maker.Orders.All.ToList();
                for (var i = 0; i < orders.Count && i < results.Count; i++)
                {
                    maker.ApplyCancelResult(orders[i], results[i]);
                }
            }

            // Belt and braces: whatever the venue still lists under our tag goes too.
            step = "checking the venue for orders of ours left";
            var (leftovers, _) = await loop.Ours.CancelOnceAsync(loop.Exchange, p.Coin, cts.Token).ConfigureAwait(false);
            maker.Stats.RequestsSent += leftovers.Count;

            maker.Orders.Clear();
            confirmed = true;
            step = "disarming the dead-man switch";
            await deadMan.DisarmAsync(loop, cts.Token).ConfigureAwait(false);
            step = "recovering the last fills from the venue";
            await reconciler.RecoverFillsAsync(maker, cts.Token).ConfigureAwait(false);

            loop.Note("info", FormattableString.Invariant($"stopped: {cancels.Count + leftovers.Count} orders cancelled, position {maker.Ledger.Position}"));
        }
#pragma warning disable CA1031 // Shutdown reports what it could not do; it must not mask the original exception.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var why = ex is OperationCanceledException && cts.IsCancellationRequested
                ? FormattableString.Invariant($"did not finish within {loop.Options.ShutdownTimeout.TotalSeconds:0} s (a slow venue, or its request-weight window full)")
                : "failed: " + ex.Message;
            if (confirmed)
            {
                // The orders are gone (the venue listed none of ours); what is missing is bookkeeping, said as such.
                var fills = maker.LastFillVenueMs > 0
                    ? FormattableString.Invariant($"fills after {DateTimeOffset.FromUnixTimeMilliseconds(maker.LastFillVenueMs):yyyy-MM-dd HH:mm:ss} UTC")
                    : "fills of this run";
                loop.Note("warn", FormattableString.Invariant(
                    $"stopped with its orders confirmed cancelled, but {step} {why}: {fills} may be missing from the journal, position {maker.Ledger.Position}"));
            }
            else
            {
                loop.Note("error", $"shutdown could not confirm every order cancelled: {step} {why}");
            }
        }
    }
}
