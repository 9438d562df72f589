using HyperMM.Core.Primitives;

namespace HyperMM.Core.Trading;

/// <summary>
/// The one rule for "this order is ours": its client order id carries the strategy's tag (the top 32 bits that
/// <see cref="CloidFactory"/> writes, FNV-1a of the strategy name), whatever run placed it. Orders without a cloid or
/// with another tag are someone else's and are never touched. The loop (start, resync, shutdown), the host's check
/// after shutdown, the watchdog and <c>hypermm cancel-all</c> all find and cancel their orders here.
/// </summary>
public sealed class OwnOrders
{
    /// <summary>Cancel rounds of <see cref="CancelAndConfirmAsync"/> before what the venue still lists is reported as left.</summary>
    public const int ConfirmRounds = 3;

    public OwnOrders(string strategyName)
    {
        Tag = CloidFactory.TagOf(strategyName);
    }

    public uint Tag { get; }

    public bool IsOurs(Cloid? cloid) => cloid is { } c && c.Tag == Tag;

    public bool IsOurs(OpenOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return IsOurs(order.Cloid);
    }

    /// <summary>Our orders among what an account snapshot lists.</summary>
    public IReadOnlyList<OpenOrder> In(AccountSnapshot account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return [.. account.OpenOrders.Where(IsOurs)];
    }

    /// <summary>The cancel of one listed order (by oid, with its cloid).</summary>
    public static CancelRequest CancelOf(OpenOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new CancelRequest(order.Coin, order.OrderId, order.Cloid);
    }

    /// <summary>Our open orders on the account, as the venue lists them now.</summary>
    public async Task<IReadOnlyList<OpenOrder>> ListAsync(IExchange exchange, Coin coin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        return In(await exchange.GetAccountAsync(coin, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>One pass: lists ours and cancels them (nothing is sent when none is listed); returns the cancels sent and their results.</summary>
    public async Task<(IReadOnlyList<CancelRequest> Sent, IReadOnlyList<CancelResult> Results)> CancelOnceAsync(IExchange exchange, Coin coin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var cancels = (await ListAsync(exchange, coin, cancellationToken).ConfigureAwait(false)).Select(CancelOf).ToList();
        return cancels.Count == 0
            ? ([], [])
            : (cancels, await exchange.CancelOrdersAsync(cancels, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Cancels ours, asks the venue again, and repeats up to <see cref="ConfirmRounds"/> times; what the venue still
    /// lists after that is returned as left, with its last refusal. Clean exactly when the venue lists none of ours.
    /// </summary>
    public async Task<OwnOrdersSweep> CancelAndConfirmAsync(IExchange exchange, Coin coin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var cancelled = 0;
        string? refusal = null;
        for (var round = 1; ; round++)
        {
            var ours = await ListAsync(exchange, coin, cancellationToken).ConfigureAwait(false);
            if (ours.Count == 0 || round > ConfirmRounds)
            {
                return new OwnOrdersSweep(cancelled, ours, ours.Count == 0 ? null : refusal);
            }

            var results = await exchange.CancelOrdersAsync([.. ours.Select(CancelOf)], cancellationToken).ConfigureAwait(false);
            cancelled += results.Count(r => r.OrderGone);
            refusal = results.Where(r => !r.OrderGone).Select(r => r.Message ?? r.Reason.ToString()).LastOrDefault() ?? refusal;
        }
    }
}
