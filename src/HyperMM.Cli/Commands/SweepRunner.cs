using System.Collections.Concurrent;
using HyperMM.Cli.Output;
using HyperMM.Simulation.Backtest;

namespace HyperMM.Cli.Commands;

/// <summary>Runs every (strategy, grid point) backtest on all cores, with a progress bar on stderr.</summary>
public static class SweepRunner
{
    public static IReadOnlyList<(string Point, BacktestResult Result)> Run(IReadOnlyList<BacktestRun> runs, SweepSpec grid, BacktestOptions options, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(progress);
        var jobs = runs.SelectMany(r => grid.Points().Select(p => (Run: r, Point: p))).ToList();
        var results = new ConcurrentBag<(int Index, string Point, BacktestResult Result)>();
        var bar = new ProgressBar(progress, jobs.Count);
        try
        {
            Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                var (run, point) = jobs[i];
                BacktestResult result;
                try
                {
                    result = BacktestSession.Run(SweepSpec.Apply(run.Parameters, point), run.Instrument, run.Events, options);
                }
                catch (BacktestFailedException ex)
                {
                    throw new BacktestFailedException($"{SweepSpec.Describe(point)}: {ex.Message}", ex);
                }

                results.Add((i, SweepSpec.Describe(point), result));
                bar.Tick();
            });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.OfType<BacktestFailedException>().FirstOrDefault() is { } failed)
        {
            bar.Done();
            throw failed;
        }

        bar.Done();
        return [.. results.OrderBy(r => r.Index).Select(r => (r.Point, r.Result))];
    }
}
