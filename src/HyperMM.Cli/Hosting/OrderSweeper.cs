using System.Globalization;
using HyperMM.Core.Model;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;

namespace HyperMM.Cli.Hosting;

/// <summary>
/// Cancels every open order a strategy owns on its account and coin, whatever run placed it (recognised by the
/// strategy's cloid tag), and checks on the venue that none is left. Used by the watchdog and by
/// <c>hypermm cancel-all</c>.
/// </summary>
public static class OrderSweeper
{
    /// <summary>Cancel rounds before what the venue still lists is reported as left.</summary>
    public const int Rounds = 3;

    /// <summary>Returns how many orders were cancelled (or already gone) in one pass, without checking again.</summary>
    public static async Task<int> SweepAsync(IExchange exchange, StrategyParameters strategy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        ArgumentNullException.ThrowIfNull(strategy);
        var ours = await OursAsync(exchange, strategy, cancellationToken).ConfigureAwait(false);
        if (ours.Count == 0)
        {
            return 0;
        }

        var results = await exchange.CancelOrdersAsync([.. ours.Select(ToCancel)], cancellationToken).ConfigureAwait(false);
        return results.Count(r => r.OrderGone);
    }

    /// <summary>
    /// Cancels the strategy's orders, asks the venue again, and repeats up to <see cref="Rounds"/> times; what the
    /// venue still lists after that is returned as left, with the last refusal.
    /// </summary>
    public static async Task<SweepOutcome> SweepAndVerifyAsync(IExchange exchange, StrategyParameters strategy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        ArgumentNullException.ThrowIfNull(strategy);
        var cancelled = 0;
        string? refusal = null;
        for (var round = 1; ; round++)
        {
            var ours = await OursAsync(exchange, strategy, cancellationToken).ConfigureAwait(false);
            if (ours.Count == 0 || round > Rounds)
            {
                return new SweepOutcome(strategy.Name, exchange.Account, cancelled, ours, ours.Count == 0 ? null : refusal);
            }

            var results = await exchange.CancelOrdersAsync([.. ours.Select(ToCancel)], cancellationToken).ConfigureAwait(false);
            cancelled += results.Count(r => r.OrderGone);
            refusal = results.Where(r => !r.OrderGone).Select(r => r.Message ?? r.Reason.ToString()).LastOrDefault() ?? refusal;
        }
    }

    /// <summary>One open order as a trader reads it: "B 0.01 ETH @ 4000 (oid 12, cloid 0x…)".</summary>
    public static string Describe(OpenOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return string.Create(CultureInfo.InvariantCulture,
            $"{(order.Side == Side.Buy ? "B" : "A")} {order.Size} {order.Coin} @ {order.Price} (oid {order.OrderId.Value}, cloid {order.Cloid})");
    }

    private static async Task<List<OpenOrder>> OursAsync(IExchange exchange, StrategyParameters strategy, CancellationToken cancellationToken)
    {
        var tag = CloidFactory.TagOf(strategy.Name);
        var account = await exchange.GetAccountAsync(strategy.Coin, cancellationToken).ConfigureAwait(false);
        return [.. account.OpenOrders.Where(o => o.Cloid is { } c && c.Tag == tag)];
    }

    private static CancelRequest ToCancel(OpenOrder order) => new(order.Coin, order.OrderId, order.Cloid);
}
