using System.Diagnostics;

namespace HyperMM.Benchmarks;

/// <summary>
/// The dense replay of <see cref="ReplayBenchmarks"/> (default queue model) run N times in a plain loop, printing
/// events/s per run: a target for a profiler (<c>dotnet-trace collect -- dotnet bench/.../HyperMM.Benchmarks.dll
/// replay-loop 20</c>), not a measurement (BenchmarkDotNet's figures are the ones recorded).
/// </summary>
public static class ReplayLoop
{
    public static void Run(int runs)
    {
        var bench = new ReplayBenchmarks();
        bench.Setup();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            var processed = bench.DenseSyntheticEth();
            watch.Stop();
            Console.WriteLine($"run {i + 1}: {processed:N0} events in {watch.Elapsed.TotalMilliseconds:F1} ms = {processed / watch.Elapsed.TotalSeconds / 1e6:F2} M events/s");
        }
    }
}
