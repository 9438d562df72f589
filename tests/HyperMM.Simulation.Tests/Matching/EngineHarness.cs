using HyperMM.Core.Instruments;
using HyperMM.Core.Market;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.Simulation.Matching;
using Microsoft.Extensions.Time.Testing;

namespace HyperMM.Simulation.Tests.Matching;

/// <summary>An engine with ETH (asset 1, szDecimals 4) and BTC (asset 0, szDecimals 5), a fake clock and a recording sink.</summary>
internal sealed class EngineHarness
{
    public static readonly Coin Eth = new("ETH");
    public static readonly Coin Btc = new("BTC");
    public static readonly InstrumentSpec EthSpec = HyperliquidPerpCatalog.Eth.Spec;
    public static readonly InstrumentSpec BtcSpec = HyperliquidPerpCatalog.Btc.Spec;

    public EngineHarness(MatchingEngineOptions? options = null)
    {
        Engine = new MatchingEngine([EthSpec, BtcSpec], options, Sink, Time);
    }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.FromUnixTimeMilliseconds(1_757_000_000_000));

    public RecordingSink Sink { get; } = new();

    public MatchingEngine Engine { get; }

    public static Address Account(int n) => Address.Parse("0x" + n.ToString("x40", System.Globalization.CultureInfo.InvariantCulture));

    public Address Funded(int n, decimal usdc = 1_000_000m)
    {
        var account = Account(n);
        Engine.Deposit(account, usdc);
        return account;
    }

    public OrderResult Place(Address account, Side side, decimal price, decimal size, TimeInForce tif = TimeInForce.Gtc, bool reduceOnly = false, Cloid? cloid = null, Coin? coin = null) =>
        Engine.Place(account, new OrderRequest(coin ?? Eth, side, price, size, tif, reduceOnly, cloid));

    public static OrderBookSnapshot Book(long timeMs, (decimal Px, decimal Sz)[] bids, (decimal Px, decimal Sz)[] asks) =>
        new(Eth, timeMs, [.. bids.Select(b => new BookLevel(b.Px, b.Sz, 1))], [.. asks.Select(a => new BookLevel(a.Px, a.Sz, 1))]);
}
