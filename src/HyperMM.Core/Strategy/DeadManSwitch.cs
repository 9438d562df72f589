using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;

namespace HyperMM.Core.Strategy;

/// <summary>
/// Keeps the venue's dead-man switch armed (scheduleCancel a horizon ahead, refreshed every so often) while the
/// strategy has orders. A venue that refuses it (new accounts: volume gate) is not asked again; the client-side
/// watchdog covers that. Disarmed at shutdown.
/// </summary>
public sealed class DeadManSwitch(TimeSpan refresh, TimeSpan horizon)
{
    private readonly Throttle _throttle = new((long)refresh.TotalMilliseconds);

    /// <summary>False once the venue refused it for good.</summary>
    public bool Available { get; private set; } = true;

    /// <summary>True once it was armed at least once (and the venue still takes it).</summary>
    public bool Armed => _throttle.HasFired && Available;

    public async Task RefreshAsync(LoopServices loop, MarketMaker maker, long nowMs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(loop);
        ArgumentNullException.ThrowIfNull(maker);
        if (!Available || refresh <= TimeSpan.Zero || maker.Orders.Count == 0 || !_throttle.TryFire(nowMs))
        {
            return;
        }

        maker.Stats.RequestsSent++;
        var result = await loop.Exchange.ScheduleCancelAsync(loop.Time.GetUtcNow() + horizon, ct).ConfigureAwait(false);
        if (!result.Success && !result.Reason.IsTransient())
        {
            Available = false;
            loop.Note("warn", "the venue refuses the dead-man switch (" + result.Message + "): relying on the client-side watchdog");
        }
    }

    /// <summary>Clears the scheduled cancel if it was armed.</summary>
    public async Task DisarmAsync(LoopServices loop, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(loop);
        if (Armed)
        {
            await loop.Exchange.ScheduleCancelAsync(null, ct).ConfigureAwait(false);
        }
    }
}
