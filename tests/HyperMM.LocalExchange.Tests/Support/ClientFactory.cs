using HyperMM.Hyperliquid;
using HyperMM.Hyperliquid.Accounts;
using HyperMM.LocalExchange.Accounts;

namespace HyperMM.LocalExchange.Tests.Support;

/// <summary>The project's own Hyperliquid client pointed at a local exchange, signing with a rehearsal agent key.</summary>
public static class ClientFactory
{
    public static HyperliquidExchange Create(LocalExchangeHandle handle, RehearsalAccount account, HttpClient http, bool postOverWebSocket = false) =>
        new(new HyperliquidExchangeOptions(HyperliquidEndpoint.Custom(handle.BaseUrl, handle.IsMainnet), new TradingAccount(account.AgentKey, account.Master))
        {
            PostOverWebSocket = postOverWebSocket,
        }, http, TimeProvider.System);

    /// <summary>Reads events until one matches (30 s at most: generous for a loaded CI machine).</summary>
    public static async Task<T> NextAsync<T>(HyperliquidExchange client, Func<T, bool>? match = null)
        where T : Core.Trading.ExchangeEvent
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var e = await client.Events.ReadAsync(timeout.Token);
            if (e is T t && (match is null || match(t)))
            {
                return t;
            }
        }
    }
}
