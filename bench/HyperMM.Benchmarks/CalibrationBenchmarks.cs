using BenchmarkDotNet.Attributes;
using HyperMM.Core.Primitives;
using HyperMM.Simulation.Calibration;
using HyperMM.Simulation.Market;
using HyperMM.TestSupport;

namespace HyperMM.Benchmarks;

/// <summary>
/// <c>hypermm calibrate</c>'s work on the 35-minute HL ETH recording (3,785 books, 6,884 trades): loading the CSVs
/// with the backtest's reader, then volatility, taker depths, intensity fit and statistics. Target (issue 14): ≤ 1 s.
/// </summary>
[MemoryDiagnoser]
public class CalibrationBenchmarks
{
    private static readonly Coin Eth = new("ETH");
    private string _path = null!;
    private IReadOnlyList<MarketEvent> _events = null!;

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(SharedData.RootPath, "data/Avellaneda_Stoikov_Market_Making_parameter_calibration/HL_data");
        _events = MarketDataLoader.Load(_path, Eth);
    }

    [Benchmark]
    public double LoadAndCalibrateEth() => MarketCalibrator.Calibrate(Eth, MarketDataLoader.Load(_path, Eth)).SigmaBps1s;

    [Benchmark]
    public double CalibrateLoadedEth() => MarketCalibrator.Calibrate(Eth, _events).SigmaBps1s;
}
