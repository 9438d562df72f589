using BenchmarkDotNet.Attributes;
using HyperMM.Core.Instruments;
using HyperMM.Core.Model;
using HyperMM.Simulation.Backtest;
using HyperMM.Simulation.Market;
using HyperMM.Simulation.Queue;
using HyperMM.TestSupport;

namespace HyperMM.Benchmarks;

/// <summary>
/// Replay throughput: one full backtest (matching engine with partial fills + queue model + feed/entry/ack latency +
/// Core's StrategyRunner quoting ETH) over a prepared event list. Events per second = events / mean time.
/// <see cref="Queue"/>: the default model (prob-front3) and risk-averse; <c>DenseSyntheticEthLognormalLatency</c> draws
/// every delay from lognormal(median 20 ms, p99 80 ms) instead of a constant 20 ms.
/// Real: the 35-minute HL ETH recording (10,669 events, ~5 events per simulated second).
/// Dense: 10 simulated minutes of a synthetic ETH market pushing a book every 10 ms and ~200 trades/s.
/// Ten warm-up runs: a run is ~0.1 s, so the tiered JIT needs several before the hot loop is fully optimised
/// (BenchmarkDotNet's ShortRun, three warm-ups, measures partly unoptimised code: ~180 ms instead of ~120 ms).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 10, iterationCount: 10)]
public class ReplayBenchmarks
{
    private List<MarketEvent> _real = null!;
    private IReadOnlyList<MarketEvent> _dense = null!;
    private InstrumentSpec _spec = null!;
    private StrategyParameters _eth = null!;
    private BacktestOptions _options = null!;
    private BacktestOptions _lognormal = null!;

    [Params("prob-front3", "risk-averse")]
    public string Queue { get; set; } = QueueModels.DefaultName;

    [GlobalSetup]
    public void Setup()
    {
        _eth = TestStrategies.Eth;
        _spec = TestStrategies.EthSpec;
        _real = HlCsvReader.Read(Path.Combine(SharedData.RootPath, "data/Avellaneda_Stoikov_Market_Making_parameter_calibration/HL_data"), _eth.Coin);
        var dense = SyntheticCoinProfile.Eth with { BookIntervalMs = 10, TradesPerSecond = 200 };
        _dense = new SyntheticMarket([dense], 1, 1_757_000_000_000).Step(TimeSpan.FromMinutes(10));
        _options = new BacktestOptions { QueueModel = QueueModels.Create(Queue) };
        _lognormal = _options with { Latency = LatencyOptions.Each(LatencyDistribution.LogNormal(20, 80)) };
        Console.WriteLine($"// events: real {_real.Count}, dense {_dense.Count}");
    }

    [Benchmark]
    public long RealEthRecording() => BacktestSession.Run(_eth, _spec, _real, _options).MarketEvents;

    [Benchmark]
    public long DenseSyntheticEth() => BacktestSession.Run(_eth, _spec, _dense, _options).MarketEvents;

    [Benchmark]
    public long DenseSyntheticEthLognormalLatency() => BacktestSession.Run(_eth, _spec, _dense, _lognormal).MarketEvents;
}
