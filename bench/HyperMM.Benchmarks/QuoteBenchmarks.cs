using BenchmarkDotNet.Attributes;
using HyperMM.Core.Instruments;
using HyperMM.Core.Market;
using HyperMM.Core.Model;
using HyperMM.Core.Primitives;

namespace HyperMM.Benchmarks;

/// <summary>
/// One full quote as the live loop does it on every book: volatility update, Avellaneda-Stoikov quote, caps, skew
/// and venue rounding. Target (issue 2): &lt;= 1 µs and 0 bytes allocated per quote.
/// Mids are a real-looking ETH walk prepared up front (1 tick moves around 4285.5, 500 ms apart).
/// </summary>
[MemoryDiagnoser]
public class QuoteBenchmarks
{
    private const int Steps = 4096;
    private readonly TopOfBook[] _tops = new TopOfBook[Steps];
    private VolatilityEstimator _volatility = null!;
    private StrategyParameters _eth = null!;
    private InstrumentSpec _spec = null!;
    private AvellanedaStoikovParameters _as = null!;
    private int _i;
    private long _timeMs;

    [GlobalSetup]
    public void Setup()
    {
        _eth = HyperMM.TestSupport.TestStrategies.Eth;
        _spec = HyperliquidPerpCatalog.Eth.Spec;
        _as = AvellanedaStoikovParameters.From(_eth);
        _volatility = new VolatilityEstimator(_eth.Volatility);
        var random = new Random(42);
        var bid = 4285.4m;
        for (var i = 0; i < Steps; i++)
        {
            bid += random.Next(-1, 2) * 0.1m;
            _tops[i] = new TopOfBook(bid, 3m, bid + 0.1m, 2m);
        }

        _timeMs = 1_757_015_216_000;
    }

    [Benchmark]
    public decimal FullQuote()
    {
        var top = _tops[_i];
        _i = (_i + 1) & (Steps - 1);
        _timeMs += 500;
        _volatility.Update(_timeMs, (double)top.Mid);
        var inputs = new QuoteInputs(top, 0.05m, 0m, 0m, _volatility.Sigma2Horizon, 0);
        var quote = QuoteEngine.Compute(inputs, _as, _spec);
        return quote.Bid.Price + quote.Ask.Size;
    }
}
