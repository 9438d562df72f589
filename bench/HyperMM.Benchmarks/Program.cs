using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project bench/HyperMM.Benchmarks -- --filter '*'
// (docs/PERFORMANCE.md lists every command and the figures it produced.)
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
