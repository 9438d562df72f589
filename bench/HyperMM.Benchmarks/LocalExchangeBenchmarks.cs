using BenchmarkDotNet.Attributes;
using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Actions;
using HyperMM.Hyperliquid.Json;
using HyperMM.Hyperliquid.Signing;
using HyperMM.LocalExchange;
using HyperMM.LocalExchange.Accounts;
using HyperMM.LocalExchange.Faults;
using HyperMM.LocalExchange.Ws;
using Microsoft.Extensions.Logging.Abstractions;

namespace HyperMM.Benchmarks;

/// <summary>
/// The venue's CPU per signed action, without sockets: parse the /exchange body, recover the signer (secp256k1),
/// check agent, nonce and budget, run the order (or its cancel) in the matching engine, write the answer. Each
/// iteration gets a fresh venue and freshly signed actions (signing is not measured here).
/// </summary>
[MemoryDiagnoser]
public class LocalExchangeBenchmarks
{
    private const int Pairs = 500;
    private LocalVenue _venue = null!;
    private byte[][] _bodies = null!;

    [IterationSetup]
    public void Setup()
    {
        var options = new LocalExchangeOptions { IpWeightPerMinute = 0, AddressRequestBuffer = 1_000_000_000 };
        var hub = new WsHub(new HashSet<string> { "BTC", "ETH", "HYPE" }, NullLogger.Instance);
        _venue = new LocalVenue(options, hub, new FaultSwitches(new FaultOptions()));
        hub.Backend = _venue;
        var account = RehearsalAccount.Create("bench", 1_000_000m);
        _venue.Fund(account.Master, 1_000_000m);
        _venue.ApproveDirect(account.Master, account.Agent, "bench");
        var nonce = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var eth = new AssetId(1);
        _bodies = new byte[Pairs * 2][];
        for (var i = 0; i < Pairs; i++)
        {
            var cloid = new Cloid((UInt128)(i + 1));
            var order = new OrderAction([new OrderWire(eth, true, 2000m, 0.01m, false, new LimitOrderKind(TimeInForce.Alo), cloid)]);
            _bodies[2 * i] = ExchangeRequestJson.WriteUtf8(HyperliquidSigning.Sign(account.AgentKey, order, nonce++, false));
            _bodies[(2 * i) + 1] = ExchangeRequestJson.WriteUtf8(HyperliquidSigning.Sign(account.AgentKey, new CancelByCloidAction([new CancelByCloidWire(eth, cloid)]), nonce++, false));
        }
    }

    [Benchmark(OperationsPerInvoke = Pairs * 2)]
    public int ExchangeAction()
    {
        var bytes = 0;
        foreach (var body in _bodies)
        {
            bytes += _venue.Exchange(body, "127.0.0.1").Body.Length;
        }

        return bytes;
    }
}
