using HyperMM.Journal;
using HyperMM.Core.Model;
using HyperMM.Core.Trading;
using HyperMM.Hyperliquid.Transport;

namespace HyperMM.Cli.Hosting;

/// <summary>Tells the journal which account each strategy trades as soon as it is connected.</summary>
public sealed class JournalingConnector(IVenueConnector inner, JournalWriter journal) : IVenueConnector
{
    public string Network => inner.Network;

    public async Task<IExchange> ConnectAsync(StrategyParameters strategy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        var exchange = await inner.ConnectAsync(strategy, cancellationToken).ConfigureAwait(false);
        journal.RegisterAccount(strategy.Name, exchange.Account.Hex);
        return exchange;
    }

    public RateLimitGate? RateLimit => inner.RateLimit;

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
