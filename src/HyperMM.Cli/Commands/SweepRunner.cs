using HyperMM.Cli.Output;
using HyperMM.Cli.Sweeps;
using HyperMM.Simulation.Backtest;

namespace HyperMM.Cli.Commands;

/// <summary>
/// Runs many backtests on a bounded pool of workers (default: every core) with progress on stderr. Each run is
/// independent (its own engine, clock and strategy over events shared read-only), and results come back in job
/// order, so the figures do not depend on the number of threads or on scheduling.
/// </summary>
public static class SweepRunner
{
    /// <summary>Every (strategy, grid point) backtest, strategies in order, points in grid order.</summary>
    public static IReadOnlyList<SweepPointResult> Run(IReadOnlyList<BacktestRun> runs, SweepSpec grid, BacktestOptions options, TextWriter progress, int? threads = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(grid);
        grid.Validate(runs.Select(r => r.Parameters));
        var points = grid.Points();
        var jobs = runs.SelectMany(r => points.Select(p => new BacktestJob(SweepSpec.Apply(r.Parameters, p), r.Instrument, r.Events, SweepSpec.Describe(p)))).ToList();
        var results = RunAll(jobs, options, ProgressBar.For(progress, jobs.Count, "runs"), threads);
        return [.. results.Select((r, i) => new SweepPointResult(i % points.Count, points[i % points.Count], r))];
    }

    /// <summary>Runs the jobs in parallel; results in job order. A failed run fails the whole batch with the job's label.</summary>
    public static IReadOnlyList<BacktestResult> RunAll(IReadOnlyList<BacktestJob> jobs, BacktestOptions options, ProgressBar progress, int? threads = null)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(progress);
        var results = new BacktestResult[jobs.Count];
        try
        {
            Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = threads ?? Environment.ProcessorCount }, i =>
            {
                var job = jobs[i];
                try
                {
                    results[i] = BacktestSession.Run(job.Parameters, job.Instrument, job.Events, options);
                }
                catch (BacktestFailedException ex)
                {
                    throw new BacktestFailedException($"{job.Label}: {ex.Message}", ex);
                }

                progress.Tick();
            });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.OfType<BacktestFailedException>().FirstOrDefault() is { } failed)
        {
            progress.Done();
            throw failed;
        }

        progress.Done();
        return results;
    }
}
