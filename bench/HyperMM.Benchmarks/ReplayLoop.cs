using System.Diagnostics;
using HyperMM.Core.Model;
using HyperMM.Simulation.Backtest;
using HyperMM.Simulation.Market;
using HyperMM.Simulation.Queue;
using HyperMM.TestSupport;

namespace HyperMM.Benchmarks;

/// <summary>
/// The dense replay of <see cref="ReplayBenchmarks"/> run N times in a plain loop, printing events/s per run: a target
/// for a profiler (<c>dotnet-trace collect -- dotnet bench/.../HyperMM.Benchmarks.dll replay-loop 20</c>), not a
/// measurement (BenchmarkDotNet's figures are the ones recorded).
/// </summary>
public static class ReplayLoop
{
    public static void Run(int runs)
    {
        var dense = SyntheticCoinProfile.Eth with { BookIntervalMs = 10, TradesPerSecond = 200 };
        var events = new SyntheticMarket([dense], 1, 1_757_000_000_000).Step(TimeSpan.FromMinutes(10));
        var options = new BacktestOptions { QueueModel = QueueModels.Create(QueueModels.DefaultName) };
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            var processed = BacktestSession.Run(TestStrategies.Eth, TestStrategies.EthSpec, events, options).MarketEvents;
            watch.Stop();
            Console.WriteLine($"run {i + 1}: {processed:N0} events in {watch.Elapsed.TotalMilliseconds:F1} ms = {processed / watch.Elapsed.TotalSeconds / 1e6:F2} M events/s");
        }
    }
}
