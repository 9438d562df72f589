using System.Text.Json;
using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Signing;
using HyperMM.LocalExchange.Accounts;
using HyperMM.LocalExchange.Faults;
using HyperMM.LocalExchange.Handlers;
using HyperMM.LocalExchange.Http;
using HyperMM.LocalExchange.Limits;
using HyperMM.LocalExchange.Market;
using HyperMM.LocalExchange.Ws;
using HyperMM.Simulation.Matching;

namespace HyperMM.LocalExchange;

/// <summary>
/// The local venue, composed of parts that each own their state: the matching engine, accounts and agents, nonces,
/// the address budget and IP weight limits (<see cref="VenueContext"/>), behind the /info handler
/// (<see cref="InfoHandler"/>: market data, candles, user queries), the /exchange handler
/// (<see cref="ActionHandler"/>: authentication, nonces, budget, then <see cref="OrderEntry"/> and <see cref="AgentApprovalAction"/>)
/// and the WebSocket handler (<see cref="WsHandler"/>). Every state change happens under <see cref="Gate"/>;
/// signature recovery and JSON parsing run outside it, in parallel.
/// </summary>
public sealed class LocalVenue : IVenueHandlers, IWsBackend
{
    private readonly InfoHandler _info;
    private readonly ActionHandler _actions;
    private readonly WsHandler _ws;

    public LocalVenue(LocalExchangeOptions options, WsHub hub, FaultSwitches faults)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Hub = hub;
        Faults = faults;
        Tape = new TradeTape();
        Directory = new AccountDirectory();
        Nonces = new NonceBook();
        Budget = new AddressBudget(options.AddressRequestBuffer, Time);
        IpLimiter = new IpWeightLimiter(options.IpWeightPerMinute, Time);
        Engine = new MatchingEngine(
            LocalMarkets.All,
            new MatchingEngineOptions { OpenOrderLimit = options.OpenOrderLimit, ScheduleCancelVolumeGateUsd = options.ScheduleCancelVolumeGate },
            new VenueEventSink(hub, Tape, faults),
            Time);
        var context = new VenueContext(options, Gate, Engine, Directory, Nonces, Budget, IpLimiter, Tape, hub, faults);
        var orders = new OrderEntry(context);
        var market = new MarketInfo(context);
        _info = new InfoHandler(context, market, new UserInfo(context, orders));
        _actions = new ActionHandler(context, orders);
        _ws = new WsHandler(context, market, _info, _actions);
    }

    public Lock Gate { get; } = new();

    public LocalExchangeOptions Options { get; }

    public bool IsMainnet => Options.IsMainnet;

    public TimeProvider Time => Options.Time;

    public MatchingEngine Engine { get; }

    public AccountDirectory Directory { get; }

    public NonceBook Nonces { get; }

    public AddressBudget Budget { get; }

    public IpWeightLimiter IpLimiter { get; }

    public WsHub Hub { get; }

    public FaultSwitches Faults { get; }

    public TradeTape Tape { get; }

    /// <summary>Actions that passed authentication, nonce and budget checks (for the load report).</summary>
    public long AcceptedActions => _actions.AcceptedActions;

    public VenueReply Info(ReadOnlySpan<byte> body, string remoteIp) => _info.Info(body, remoteIp);

    public VenueReply Exchange(ReadOnlySpan<byte> body, string remoteIp) => _actions.Exchange(body, remoteIp);

    /// <summary>Runs one parsed, signed request; the JSON answer.</summary>
    public byte[] Execute(ExchangeRequest request) => _actions.Execute(request);

    public IReadOnlyList<byte[]> InitialMessages(WsSubscription subscription) => _ws.InitialMessages(subscription);

    public Task<byte[]> PostAsync(long id, JsonElement request, string remoteIp, CancellationToken cancellationToken) =>
        _ws.PostAsync(id, request, remoteIp, cancellationToken);

    /// <summary>Pushes allMids to its subscribers (the market feed calls this after each step).</summary>
    public void PublishMids() => _ws.PublishMids();

    /// <summary>Creates (or tops up) a funded master account.</summary>
    public void Fund(Address master, decimal usdc)
    {
        lock (Gate)
        {
            Directory.AddMaster(master);
            Engine.Deposit(master, usdc);
        }
    }

    /// <summary>Approves an agent for a master directly (the rehearsal set-up; clients use the approveAgent action).</summary>
    public void ApproveDirect(Address master, Address agent, string name)
    {
        lock (Gate)
        {
            var error = Directory.Approve(master, agent, name, null);
            if (error is not null)
            {
                throw new InvalidOperationException(error);
            }
        }
    }

    /// <summary>"name valid_until 1700000000000" → (name, expiry); plain names never expire.</summary>
    public static (string Name, long? ValidUntil) ParseAgentName(string agentName) => AgentApprovalAction.ParseAgentName(agentName);
}
