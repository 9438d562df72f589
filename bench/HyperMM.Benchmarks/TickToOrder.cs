using System.Diagnostics;
using HyperMM.Core.Instruments;
using HyperMM.Core.Market;
using HyperMM.Core.Model;
using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Actions;
using HyperMM.Hyperliquid.Json;
using HyperMM.Hyperliquid.Signing;
using HyperMM.Hyperliquid.Streaming;

namespace HyperMM.Benchmarks;

/// <summary>
/// The CPU path from a book message read off the socket to the signed order ready to be written to the socket
/// (issue 6): parse the <c>l2Book</c> frame, update volatility, quote (reservation, spread, caps, skew, rounding),
/// build the two-order <c>order</c> action with cloids, sign it (msgpack, keccak, EIP-712, secp256k1) and write the
/// <c>/exchange</c> JSON body. Socket syscalls and the loop's task hops are not in it (see docs/PERFORMANCE.md).
/// Frames are 20-level ETH books on the venue's tick grid, 256 of them around a random walk.
/// </summary>
public sealed class TickToOrder
{
    private const int Frames = 256;
    private readonly byte[][] _frames = new byte[Frames][];
    private readonly StrategyParameters _eth;
    private readonly InstrumentSpec _spec = HyperliquidPerpCatalog.Eth.Spec;
    private readonly VolatilityEstimator _volatility;
    private readonly IQuotingModel _model;
    private readonly PrivateKey _key = PrivateKey.Parse("0x0123456789012345678901234567890123456789012345678901234567890123"); // python SDK test key, never funded
    private long _nonce = 1_757_015_216_000;
    private int _i;

    public TickToOrder()
    {
        _eth = HyperMM.TestSupport.TestStrategies.Eth;
        _model = _eth.CreateModel(_spec);
        _volatility = new VolatilityEstimator(_eth.Volatility);
        var random = new Random(7);
        var bid = 4285.4m;
        for (var f = 0; f < Frames; f++)
        {
            bid += random.Next(-2, 3) * 0.1m;
            var bids = new BookLevel[20];
            var asks = new BookLevel[20];
            for (var l = 0; l < 20; l++)
            {
                bids[l] = new BookLevel(bid - (l * 0.1m), 1.5m + l, 3 + l);
                asks[l] = new BookLevel(bid + 0.1m + (l * 0.1m), 1.2m + l, 2 + l);
            }

            _frames[f] = WsMessages.WriteL2Book(new OrderBookSnapshot(_eth.Coin, _nonce + (f * 500), bids, asks));
        }
    }

    /// <summary>One tick: frame in, request body out.</summary>
    public byte[] Run()
    {
        var frame = _frames[_i];
        _i = (_i + 1) & (Frames - 1);
        var book = ((WsL2Book)WsMessages.Parse(frame)!).Book;
        var top = book.Top;
        _volatility.Update(book.TimeMs, (double)top.Mid);
        var market = new MarketStatistics(_volatility.Sigma2Horizon, _volatility.VariancePerSecond);
        var quote = _model.Quote(new QuoteContext(top, book, 0.05m, 0m, 0m, market, 0.0, book.TimeMs));
        var bid = quote.Nearest(Side.Buy)!.Value;
        var ask = quote.Nearest(Side.Sell)!.Value;
        var tif = new LimitOrderKind(TimeInForce.Alo);
        var action = new OrderAction(
        [
            new OrderWire(_spec.AssetId, true, bid.Price, bid.Size, false, tif, new Cloid((UInt128)_nonce * 2)),
            new OrderWire(_spec.AssetId, false, ask.Price, ask.Size, false, tif, new Cloid(((UInt128)_nonce * 2) + 1)),
        ]);
        return ExchangeRequestJson.WriteUtf8(HyperliquidSigning.Sign(_key, action, ++_nonce, isMainnet: false));
    }

    /// <summary>
    /// <c>dotnet run -c Release --project bench/HyperMM.Benchmarks -- tick-to-order [N]</c>: N timed ticks after a warm-up,
    /// printed as percentiles (BenchmarkDotNet reports means; the targets are p50 and p99).
    /// </summary>
    public static void Percentiles(int ticks)
    {
        var path = new TickToOrder();
        for (var w = 0; w < 2_000; w++)
        {
            path.Run();
        }

        var samples = new double[ticks];
        for (var t = 0; t < ticks; t++)
        {
            var start = Stopwatch.GetTimestamp();
            path.Run();
            samples[t] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Array.Sort(samples);
        double P(double q) => samples[Math.Min(samples.Length - 1, (int)(q * samples.Length))];
        Console.WriteLine(FormattableString.Invariant($"tick-to-order over {ticks} ticks: p50 {P(0.50):0.0} µs, p90 {P(0.90):0.0} µs, p99 {P(0.99):0.0} µs, max {samples[^1]:0.0} µs"));
    }
}
