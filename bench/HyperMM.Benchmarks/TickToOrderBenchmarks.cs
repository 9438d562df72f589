using BenchmarkDotNet.Attributes;

namespace HyperMM.Benchmarks;

/// <summary>Tick-to-order CPU path (<see cref="TickToOrder"/>) under BenchmarkDotNet, with allocations.</summary>
[MemoryDiagnoser]
public class TickToOrderBenchmarks
{
    private TickToOrder _path = null!;

    [GlobalSetup]
    public void Setup() => _path = new TickToOrder();

    [Benchmark]
    public int BookFrameToSignedOrderBody() => _path.Run().Length;
}
