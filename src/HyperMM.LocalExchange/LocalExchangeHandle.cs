using HyperMM.LocalExchange.Accounts;
using HyperMM.LocalExchange.Faults;
using HyperMM.LocalExchange.Market;
using HyperMM.LocalExchange.Ws;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace HyperMM.LocalExchange;

/// <summary>A running local exchange. Dispose to stop it (closes sockets, stops the feed and Kestrel).</summary>
public sealed partial class LocalExchangeHandle : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly WsHub _hub;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _feedTask;
    private readonly Task _dropperTask;
    private readonly List<RehearsalAccount> _accounts = [];
    private int _disposed;

    internal LocalExchangeHandle(WebApplication app, LocalVenue venue, MarketFeed feed, FaultSwitches faults, WsHub hub, Uri baseUrl, ILogger logger)
    {
        _app = app;
        Venue = venue;
        Feed = feed;
        Faults = faults;
        _hub = hub;
        _logger = logger;
        BaseUrl = baseUrl;
        WebSocketUrl = new Uri($"ws://{baseUrl.Host}:{baseUrl.Port}/ws");
        faults.DropRequested += (_, _) => _hub.DropAll();
        _feedTask = Task.Run(() => feed.RunAsync(_stop.Token));
        _dropperTask = Task.Run(() => RunDropperAsync(_stop.Token));
    }

    /// <summary>REST base, e.g. http://127.0.0.1:5123 (POST /info, POST /exchange).</summary>
    public Uri BaseUrl { get; }

    /// <summary>WebSocket URL, e.g. ws://127.0.0.1:5123/ws.</summary>
    public Uri WebSocketUrl { get; }

    /// <summary>True when the venue verifies mainnet signatures (source "a", "Mainnet"); testnet otherwise.</summary>
    public bool IsMainnet => Venue.IsMainnet;

    /// <summary>Runtime fault switches.</summary>
    public FaultSwitches Faults { get; }

    /// <summary>The venue itself (state, engine, limits): for tests and the in-process host.</summary>
    public LocalVenue Venue { get; }

    public MarketFeed Feed { get; }

    /// <summary>Open WebSocket connections right now.</summary>
    public int WebSocketConnections => _hub.ConnectionCount;

    /// <summary>Accounts created through <see cref="CreateRehearsalAccount"/>, in order.</summary>
    public IReadOnlyList<RehearsalAccount> RehearsalAccounts
    {
        get
        {
            lock (_accounts)
            {
                return [.. _accounts];
            }
        }
    }

    /// <summary>
    /// Creates a funded master account with <paramref name="usdc"/> and an API wallet approved for it (named
    /// <paramref name="name"/>), both with fresh random keys.
    /// </summary>
    public RehearsalAccount CreateRehearsalAccount(string name, decimal usdc)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(usdc);
        var account = RehearsalAccount.Create(name, usdc);
        Venue.Fund(account.Master, usdc);
        Venue.ApproveDirect(account.Master, account.Agent, AgentNameFor(name));
        lock (_accounts)
        {
            _accounts.Add(account);
        }

        LogAccountCreated(_logger, name, account.Master.Hex, account.Agent.Hex);
        return account;
    }

    /// <summary>Funds an existing address as a master account (e.g. a key the trader already has).</summary>
    public void Fund(Core.Primitives.Address master, decimal usdc) => Venue.Fund(master, usdc);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _hub.DropAll();
        await Task.WhenAll(_feedTask, _dropperTask).ConfigureAwait(false);
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    /// <summary>Agent names are limited on the venue; keep the strategy name, at most 16 characters.</summary>
    private static string AgentNameFor(string name) => name.Length <= 16 ? name : name[..16];

    private async Task RunDropperAsync(CancellationToken cancellationToken)
    {
        var time = Venue.Time;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var every = Faults.DropWebSocketsEvery;
                if (every is not { } interval)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200), time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
                if (Faults.DropWebSocketsEvery is not null)
                {
                    Faults.CountIntervalDrop(); // counted first: a client may notice the drop at once
                    var dropped = _hub.DropAll();
                    LogDropped(_logger, dropped);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rehearsal account {Name}: master {Master}, agent {Agent} (key not logged).")]
    private static partial void LogAccountCreated(ILogger logger, string name, string master, string agent);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fault injection: dropped {Count} WebSocket connection(s).")]
    private static partial void LogDropped(ILogger logger, int count);
}
