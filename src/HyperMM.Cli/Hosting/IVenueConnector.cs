using HyperMM.Core.Model;
using HyperMM.Core.Trading;
using HyperMM.Hyperliquid.Transport;

namespace HyperMM.Cli.Hosting;

/// <summary>
/// Gives each strategy its own <see cref="IExchange"/> session (its account and key) on one venue: the embedded
/// local exchange, Hyperliquid testnet or mainnet.
/// </summary>
public interface IVenueConnector : IAsyncDisposable
{
    /// <summary>"local", "testnet" or "mainnet".</summary>
    string Network { get; }

    /// <summary>
    /// Connects one strategy. A setup problem the trader must fix (missing key variable, key not approved for the
    /// account, coin not listed) is thrown as <see cref="VenueSetupException"/> with a message that says how.
    /// </summary>
    Task<IExchange> ConnectAsync(StrategyParameters strategy, CancellationToken cancellationToken);

    /// <summary>The venue's weight window shared by this connector's sessions; while it is paused nobody is stuck, only waiting.</summary>
    RateLimitGate? RateLimit => null;
}
