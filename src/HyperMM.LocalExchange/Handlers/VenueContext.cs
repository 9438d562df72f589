using HyperMM.LocalExchange.Accounts;
using HyperMM.LocalExchange.Faults;
using HyperMM.LocalExchange.Limits;
using HyperMM.LocalExchange.Market;
using HyperMM.LocalExchange.Ws;
using HyperMM.Simulation.Matching;

namespace HyperMM.LocalExchange.Handlers;

/// <summary>
/// The parts of the local venue the handlers share, each owning its own state: the matching engine, the account
/// directory, nonces, the address budget, the IP limiter, the trade tape, the push hub and the fault switches.
/// Every state change happens under <see cref="Gate"/>.
/// </summary>
internal sealed class VenueContext(
    LocalExchangeOptions options,
    Lock gate,
    MatchingEngine engine,
    AccountDirectory directory,
    NonceBook nonces,
    AddressBudget budget,
    IpWeightLimiter ipLimiter,
    TradeTape tape,
    WsHub hub,
    FaultSwitches faults)
{
    public LocalExchangeOptions Options { get; } = options;

    public Lock Gate { get; } = gate;

    public MatchingEngine Engine { get; } = engine;

    public AccountDirectory Directory { get; } = directory;

    public NonceBook Nonces { get; } = nonces;

    public AddressBudget Budget { get; } = budget;

    public IpWeightLimiter IpLimiter { get; } = ipLimiter;

    public TradeTape Tape { get; } = tape;

    public WsHub Hub { get; } = hub;

    public FaultSwitches Faults { get; } = faults;

    public bool IsMainnet => Options.IsMainnet;

    public long NowMs => Options.Time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Reads venue state under the lock.</summary>
    public T Locked<T>(Func<T> read)
    {
        lock (Gate)
        {
            return read();
        }
    }
}
