using HyperMM.Core.Model;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;

namespace HyperMM.Cli.Hosting;

/// <summary>
/// Cancels every open order a strategy owns on its account and coin, whatever run placed it (recognised by the
/// strategy's cloid tag). Used by the watchdog and by <c>hypermm cancel-all</c>.
/// </summary>
public static class OrderSweeper
{
    /// <summary>Returns how many orders were cancelled (or already gone).</summary>
    public static async Task<int> SweepAsync(IExchange exchange, StrategyParameters strategy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        ArgumentNullException.ThrowIfNull(strategy);
        var tag = CloidFactory.TagOf(strategy.Name);
        var account = await exchange.GetAccountAsync(strategy.Coin, cancellationToken).ConfigureAwait(false);
        var ours = account.OpenOrders
            .Where(o => o.Cloid is { } c && c.Tag == tag)
            .Select(o => new CancelRequest(o.Coin, o.OrderId, o.Cloid))
            .ToList();
        if (ours.Count == 0)
        {
            return 0;
        }

        var results = await exchange.CancelOrdersAsync(ours, cancellationToken).ConfigureAwait(false);
        return results.Count(r => r.OrderGone);
    }
}
