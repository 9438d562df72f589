using HyperMM.Core.Instruments;
using HyperMM.Core.Primitives;
using HyperMM.LocalExchange.Accounts;
using HyperMM.LocalExchange.Faults;
using HyperMM.LocalExchange.Http;
using HyperMM.LocalExchange.Limits;
using HyperMM.LocalExchange.Market;
using HyperMM.LocalExchange.Ws;
using HyperMM.Simulation.Matching;
using Microsoft.Extensions.Logging;

namespace HyperMM.LocalExchange;

/// <summary>
/// The local venue: authentication (signer recovery, agents, nonces), limits (IP weight, address budget),
/// the matching engine and the pushes, behind the HTTP and WebSocket endpoints. Every state change happens under
/// <see cref="Gate"/>; signature recovery and JSON parsing run outside it, in parallel.
/// </summary>
public sealed partial class LocalVenue : IVenueHandlers, IWsBackend
{
    private readonly ILogger _logger;

    public LocalVenue(LocalExchangeOptions options, WsHub hub, FaultSwitches faults, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Hub = hub;
        Faults = faults;
        _logger = logger;
        Time = options.Time;
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
    }

    public Lock Gate { get; } = new();

    public LocalExchangeOptions Options { get; }

    public bool IsMainnet => Options.IsMainnet;

    public TimeProvider Time { get; }

    public MatchingEngine Engine { get; }

    public AccountDirectory Directory { get; }

    public NonceBook Nonces { get; }

    public AddressBudget Budget { get; }

    public IpWeightLimiter IpLimiter { get; }

    public WsHub Hub { get; }

    public FaultSwitches Faults { get; }

    public TradeTape Tape { get; }

    internal long NowMs => Time.GetUtcNow().ToUnixTimeMilliseconds();

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

    internal static InstrumentSpec? Instrument(int asset) => LocalMarkets.ByAsset(asset);
}
