using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.Hyperliquid;
using HyperMM.Hyperliquid.Accounts;
using HyperMM.LocalExchange.Accounts;

namespace HyperMM.Cli.Tests.Safety;

/// <summary>Places resting orders on a rehearsal account as a strategy would (its cloid tag), far from the market.</summary>
public static class OwnOrders
{
    /// <summary>Far-away buy prices (about 80 % of the synthetic markets' mids) that rest and never fill.</summary>
    private static decimal FarBid(Coin coin) => coin.Name switch { "BTC" => 88_000m, "ETH" => 3_440m, _ => 32m };

    private static decimal Size(Coin coin) => coin.Name switch { "BTC" => 0.001m, "ETH" => 0.01m, _ => 1m };

    /// <summary>Places <paramref name="count"/> buys tagged for <paramref name="strategy"/> (null: no cloid, a foreign order); returns their oids.</summary>
    public static async Task<IReadOnlyList<OrderId>> PlaceAsync(Uri venue, RehearsalAccount account, string? strategy, Coin coin, int count)
    {
        using var http = new HttpClient();
        await using var exchange = new HyperliquidExchange(
            new HyperliquidExchangeOptions(HyperliquidEndpoint.Custom(venue, isMainnet: false), new TradingAccount(account.AgentKey, account.Master)),
            http,
            TimeProvider.System);
        var cloids = strategy is null ? null : new CloidFactory(strategy, 77);
        var orders = Enumerable.Range(0, count)
            .Select(i => new OrderRequest(coin, Side.Buy, FarBid(coin) - i, Size(coin), TimeInForce.Gtc, false, cloids?.Next()))
            .ToList();
        var results = await exchange.PlaceOrdersAsync(orders, CancellationToken.None);
        Assert.All(results, r => Assert.True(r.Kind == OrderResultKind.Resting, $"{coin} order not resting: {r.Reason} {r.Message}"));
        return [.. results.Select(r => r.OrderId)];
    }
}
