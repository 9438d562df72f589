using HyperMM.Simulation.Backtest;

namespace HyperMM.Cli.Sweeps;

/// <summary>One grid point's backtest: <see cref="Index"/> is its place in grid order (first axis slowest).</summary>
public sealed record SweepPointResult(int Index, IReadOnlyList<(string Key, double Value)> Point, BacktestResult Result)
{
    public string Label => SweepSpec.Describe(Point);
}
