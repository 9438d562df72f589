using BenchmarkDotNet.Running;
using HyperMM.Benchmarks;

// Run: dotnet run -c Release --project bench/HyperMM.Benchmarks -- --filter '*'
// Tick-to-order percentiles: dotnet run -c Release --project bench/HyperMM.Benchmarks -- tick-to-order 20000
// Replay in a plain loop (a profiler's target): dotnet run -c Release --project bench/HyperMM.Benchmarks -- replay-loop 20
// (docs/PERFORMANCE.md lists every command and the figures it produced.)
if (args.Length > 0 && args[0] == "tick-to-order")
{
    TickToOrder.Percentiles(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000);
    return;
}

if (args.Length > 0 && args[0] == "replay-loop")
{
    ReplayLoop.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(TickToOrder).Assembly).Run(args);
