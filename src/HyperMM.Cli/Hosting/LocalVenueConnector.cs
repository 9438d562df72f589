using HyperMM.Cli.Failures;
using HyperMM.Core.Model;
using HyperMM.Core.Trading;
using HyperMM.Hyperliquid.Accounts;
using HyperMM.Hyperliquid.Transport;
using HyperMM.LocalExchange;
using Microsoft.Extensions.Logging;

namespace HyperMM.Cli.Hosting;

/// <summary>
/// The embedded default venue: starts the local exchange in this process on a free loopback port, gives each
/// strategy a funded account with an approved API wallet, and connects it over real HTTP and WebSocket exactly as
/// it would connect to Hyperliquid (same client, same signatures, testnet flavour).
/// </summary>
public sealed class LocalVenueConnector : IVenueConnector
{
    /// <summary>USDC each rehearsal account starts with.</summary>
    public const decimal RehearsalUsdc = 100_000m;

    private readonly LocalExchangeHandle _exchange;
    private readonly RehearsalKeys _keys = new("the embedded local exchange");
    private readonly HyperliquidConnector _inner;

    private LocalVenueConnector(LocalExchangeHandle exchange, ILoggerFactory loggers, TimeProvider time, Action<string>? notice)
    {
        _exchange = exchange;
        _inner = new HyperliquidConnector("local", HyperliquidEndpoint.Custom(exchange.BaseUrl, exchange.IsMainnet), _keys, loggers, time, notice);
    }

    public string Network => $"local exchange {_exchange.BaseUrl}";

    public LocalExchangeHandle Exchange => _exchange;

    public RateLimitGate? RateLimit => _inner.RateLimit;

    public static async Task<LocalVenueConnector> StartAsync(LocalExchangeOptions options, ILoggerFactory loggers, TimeProvider time, CancellationToken cancellationToken, Action<string>? notice = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        LocalExchangeHandle handle;
        try
        {
            handle = await LocalExchangeServer.StartAsync(options, loggers, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw new VenueSetupException("the local exchange could not start: " + ex.Message, ex);
        }

        return new LocalVenueConnector(handle, loggers, time, notice);
    }

    public Task<IExchange> ConnectAsync(StrategyParameters strategy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        var account = _exchange.CreateRehearsalAccount(strategy.Name, RehearsalUsdc);
        lock (_keys)
        {
            _keys.Add(strategy.KeyEnvironmentVariable, account.RevealAgentPrivateKeyHex(), account.Master);
        }

        return _inner.ConnectAsync(strategy, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _inner.DisposeAsync().ConfigureAwait(false);
        await _exchange.DisposeAsync().ConfigureAwait(false);
    }
}
