using HyperMM.Cli.Doctor;
using HyperMM.Cli.Failures;
using HyperMM.Core.Model;
using HyperMM.Core.Trading;
using HyperMM.Hyperliquid;
using HyperMM.Hyperliquid.Accounts;
using HyperMM.Hyperliquid.Info;
using HyperMM.Hyperliquid.Transport;
using Microsoft.Extensions.Logging;

namespace HyperMM.Cli.Hosting;

/// <summary>
/// Connects strategies to a Hyperliquid-protocol venue (testnet, mainnet, or the local exchange): resolves the key,
/// checks that it may trade for the configured account (PROTOCOL §8: the most common real failure is a key that
/// belongs to another account), then opens a <see cref="HyperliquidExchange"/> session over HTTP and WebSocket.
/// </summary>
public sealed partial class HyperliquidConnector : IVenueConnector
{
    private readonly HyperliquidEndpoint _endpoint;
    private readonly IStrategyKeys _keys;
    private readonly ILoggerFactory _loggers;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;
    private readonly InfoClient _info;
    private readonly List<HyperliquidExchange> _sessions = [];

    /// <summary>Attempts at the start-up signer check before a strategy is given up (delays 1, 2, 4, 8, 8 s).</summary>
    private const int ConnectAttempts = 6;

    /// <param name="notice">Where a line for the trader goes (rate-limit waits); the log gets it too.</param>
    public HyperliquidConnector(string network, HyperliquidEndpoint endpoint, IStrategyKeys keys, ILoggerFactory loggers, TimeProvider time, Action<string>? notice = null)
    {
        Network = network;
        _endpoint = endpoint;
        _keys = keys;
        _loggers = loggers;
        _time = time;
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = 8 })
        {
            Timeout = Timeout.InfiniteTimeSpan, // each call carries its own timeout
        };
        RateLimit = new RateLimitGate(time);
        var log = loggers.CreateLogger("HyperMM.Venue");
        RateLimit.Waiting += (_, line) =>
        {
            LogWaiting(log, line);
            notice?.Invoke(line);
        };
        _info = new InfoClient(new HttpTransport(_http, TimeSpan.FromSeconds(10), RateLimit), endpoint, time);
    }

    public RateLimitGate RateLimit { get; }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Line}")]
    private static partial void LogWaiting(ILogger logger, string line);

    public string Network { get; }

    public HyperliquidEndpoint Endpoint => _endpoint;

    public async Task<IExchange> ConnectAsync(StrategyParameters strategy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        var key = _keys.Resolve(strategy);
        var account = key.Account ?? key.Key.Address;
        await CheckSignerAsync(strategy, key, cancellationToken).ConfigureAwait(false);
        var options = new HyperliquidExchangeOptions(_endpoint, new TradingAccount(key.Key, account)) { RateLimit = RateLimit };
        var exchange = new HyperliquidExchange(options, _http, _time, _loggers.CreateLogger("HyperMM.Venue." + strategy.Name));
        lock (_sessions)
        {
            _sessions.Add(exchange);
        }

        return exchange;
    }

    private async Task CheckSignerAsync(StrategyParameters strategy, StrategyKey key, CancellationToken cancellationToken)
    {
        UserRole? role = null;
        Exception? lastError = null;
        // A venue that answers 5xx/429 or drops the connection for a moment must not keep a strategy from starting:
        // the question is retried for about half a minute (the /info client already retries each call 3 times).
        // A venue that never answers is unreachable (exit code 3), named with its URL and the last reason.
        for (var attempt = 1; role is null; attempt++)
        {
            try
            {
                if (attempt > 1)
                {
                    await Task.Delay(TimeSpan.FromSeconds(Math.Min(8, 1 << (attempt - 2))), _time, cancellationToken).ConfigureAwait(false);
                }

                role = await _info.UserRoleAsync(key.Key.Address, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or HyperliquidInfoException or TimeoutException)
            {
                lastError = ex;
                if (attempt >= ConnectAttempts)
                {
                    throw VenueUnreachableException.IsUnreachable(ex)
                        ? VenueUnreachableException.For(_endpoint, ex)
                        : new VenueSetupException($"{strategy.Name}: could not ask {_endpoint.BaseUri} who {key.Key.Address} is: {ex.Message}", ex);
                }
            }
            catch (OperationCanceledException) when (lastError is not null && VenueUnreachableException.IsUnreachable(lastError))
            {
                // Stopped while the venue was still not answering: that is what the trader must hear.
                throw VenueUnreachableException.For(_endpoint, lastError);
            }
        }

        var facts = new DoctorFacts
        {
            KeyVariable = strategy.KeyEnvironmentVariable,
            KeyVariableSet = true,
            Signer = key.Key.Address,
            ConfiguredAccount = key.Account,
            SignerRole = new AccountRole(role.Role, role.User ?? role.Master),
        };
        var finding = DoctorRules.AccountFinding(strategy, facts);
        if (finding.Status == DoctorStatus.Fail)
        {
            throw new VenueSetupException($"{strategy.Name}: {finding.Detail}. Fix: {finding.Fix}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<HyperliquidExchange> sessions;
        lock (_sessions)
        {
            sessions = [.. _sessions];
            _sessions.Clear();
        }

        foreach (var s in sessions)
        {
            await s.DisposeAsync().ConfigureAwait(false);
        }

        _http.Dispose();
    }
}
