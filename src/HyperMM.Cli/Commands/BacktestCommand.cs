using System.CommandLine;
using HyperMM.Cli.Failures;
using HyperMM.Cli.Output;
using HyperMM.Cli.Sweeps;
using HyperMM.Cli.Reports;
using HyperMM.Core.Instruments;
using HyperMM.Core.Model;
using HyperMM.Simulation.Backtest;
using HyperMM.Simulation.Market;
using HyperMM.Simulation.Matching;
using HyperMM.Simulation.Queue;

namespace HyperMM.Cli.Commands;

/// <summary>
/// <c>hypermm backtest</c>: replays recorded market data through the live strategy loop (Core's StrategyRunner on
/// simulated time) and reports per strategy; <c>--sweep</c> runs a parameter grid on all cores.
/// </summary>
public static class BacktestCommand
{
    public static Command Build()
    {
        var data = CommonOptions.Data();
        var config = CommonOptions.Config();
        var strategy = new Option<string?>("--strategy") { Description = "Only this strategy (default: every strategy whose coin is in the data)." };
        var sweep = new Option<string?>("--sweep") { Description = "Parameter grid, e.g. gamma=0.05:0.3:0.05,kappa=1:2:0.5 (key=start:stop:step, stop inclusive); runs on every core, ranks by --objective, warns when the best point is on the grid's edge." };
        var csv = new Option<string?>("--csv") { Description = "Write results to this CSV file (sweep default: backtest-sweep.csv)." };
        var latency = new Option<int?>("--latency-ms") { Description = "Feed, order-entry and ack latency in ms, each, constant (default 20)." };
        var latencySpec = new Option<string?>("--latency") { Description = "Latency distribution drawn per message on each leg: N, constant:N, uniform:min=A,max=B or lognormal:median=M,p99=Q (ms)." };
        var latencySeed = new Option<int>("--latency-seed") { Description = "Seed of the latency draws (default 1).", DefaultValueFactory = _ => 1 };
        var fees = new Option<string?>("--fees") { Description = "Fee rates as fractions of notional, e.g. maker=0.00015,taker=0.00045 (default: Hyperliquid's base tier; negative maker = rebate)." };
        var report = new Option<string?>("--report") { Description = "Also write the same report as 'hypermm report' (tables, PNG charts, HTML) into this folder." };
        var queue = new Option<string>("--queue") { Description = $"Queue model: {string.Join(", ", QueueModels.Names)} (default {QueueModels.DefaultName}).", DefaultValueFactory = _ => QueueModels.DefaultName };
        var json = new Option<bool>("--json") { Description = "Print the figures as one JSON document on stdout, nothing else (progress and notes go to stderr)." };
        var objective = new Option<string>("--objective") { Description = $"What --sweep ranks by: {string.Join(", ", SweepObjective.All.Select(o => o.Name))} (default {SweepObjective.TotalPnl.Name}; all after fees).", DefaultValueFactory = _ => SweepObjective.TotalPnl.Name };
        var threads = new Option<int?>("--threads") { Description = "Backtests run at once by --sweep and --walk-forward (default: one per core)." };
        var walkForward = new Option<string?>("--walk-forward") { Description = "Out-of-sample validation: train=T,test=S[,step=P][,calibrate=off] with durations such as 10m or 90s. On each train window calibrate, run the --sweep grid, pick the best by --objective, and run it on the following test window from flat." };
        var maxGap = new Option<string>("--max-gap") { Description = "Split the data into segments at gaps longer than this (default 60s; 0 or off: never split), each run from flat by a fresh strategy.", DefaultValueFactory = _ => "60s" };
        var command = new Command("backtest", "Replay recorded market data through the strategies and report fills, PnL attribution, markouts, inventory and requests.")
        {
            data, config, strategy, sweep, walkForward, objective, threads, csv, latency, latencySpec, latencySeed, queue, fees, report, json, maxGap,
        };
        command.WithExamples(
            "hypermm backtest --data data/eth-btc-hype.jsonl.gz",
            "hypermm backtest --data data/eth-btc-hype.jsonl.gz --sweep gamma=0.05:0.3:0.05,kappa=1:2:0.5",
            "hypermm backtest --data data/eth-btc-hype.jsonl.gz --walk-forward train=4s,test=3s --sweep gamma=0.1:0.2:0.1",
            "hypermm backtest --data data/eth-btc-hype.jsonl.gz --latency lognormal:median=20,p99=150 --fees maker=0.00015,taker=0.00045");
        command.SetAction(parse => CommandRunner.Run(parse, () =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var path = parse.GetValue(data)!;
            var gapText = parse.GetValue(maxGap)!;
            TimeSpan? gap = gapText.Trim() is "0" or "off" ? null : DurationParser.Parse("--max-gap", gapText);
            var options = Options(parse.GetValue(latency), parse.GetValue(latencySpec), parse.GetValue(latencySeed), parse.GetValue(queue)!, parse.GetValue(fees)) with { MaxGap = gap };
            var sweepText = parse.GetValue(sweep);
            var grid = sweepText is null ? null : SweepSpec.Parse(sweepText);
            var asJson = parse.GetValue(json);
            var goal = SweepObjective.Parse(parse.GetValue(objective)!);
            var workers = parse.GetValue(threads);
            if (workers is < 1 or > 256)
            {
                throw new UsageException($"--threads must be between 1 and 256, got {workers}");
            }
            var walkText = parse.GetValue(walkForward);
            var walk = walkText is null ? null : WalkForwardOption.Parse(walkText);
            if (walk is not null && parse.GetValue(report) is not null)
            {
                throw new UsageException("--report: not with --walk-forward (the report is of one run; use --csv or --json)");
            }

            var runs = Prepare(path, CommonOptions.LoadStrategies(parse.GetValue(config), parse.GetValue(strategy)), explicitStrategy: parse.GetValue(strategy) is not null, error);
            if (walk is not null)
            {
                var folds = WalkForward.Run(runs, walk, grid, goal, options, error, workers);
                output.Write(asJson ? WalkForwardFormatter.Json(path, walk, grid, goal, folds) : WalkForwardFormatter.Text(path, walk, grid, goal, folds));
                if (parse.GetValue(csv) is { } foldsCsv)
                {
                    WalkForwardFormatter.WriteCsv(foldsCsv, goal, folds);
                    (asJson ? error : output).WriteLine($"{folds.Sum(f => f.Folds.Count)} folds written to {foldsCsv}");
                }

                return 0;
            }

            if (grid is null)
            {
                var results = runs.Select(r => BacktestSession.Run(r.Parameters, r.Instrument, r.Events, options)).ToList();
                // With --json, stdout carries the document only; what else is written is said on stderr.
                var said = asJson ? error : output;
                if (asJson)
                {
                    output.Write(BacktestFormatter.Json(path, results));
                }
                else
                {
                    output.Write(BacktestFormatter.Report(path, results));
                }

                if (parse.GetValue(csv) is { } csvPath)
                {
                    BacktestFormatter.WriteCsv(csvPath, [.. results.Select(r => (string.Empty, r))]);
                    said.WriteLine($"results written to {csvPath}");
                }

                if (parse.GetValue(report) is { } folder)
                {
                    var caps = runs.ToDictionary(r => r.Parameters.Name, r => r.Parameters.MaxAbsPosition);
                    var written = ReportWriter.Write(BacktestReportSource.Build(path, [.. results.Select(r => (r, caps[r.Strategy]))]), folder);
                    said.WriteLine($"report written to {Path.Combine(folder, ReportWriter.HtmlFileName)} and {ReportWriter.JsonFileName} ({written.Count} strategies)");
                }

                return 0;
            }

            var rankings = SweepRanking.Of(SweepRunner.Run(runs, grid, options, error, workers), grid, goal);
            var target = parse.GetValue(csv) ?? "backtest-sweep.csv";
            SweepFormatter.WriteCsv(target, rankings);
            if (asJson)
            {
                output.Write(SweepFormatter.Json(path, rankings));
                error.WriteLine($"{rankings.Sum(r => r.Ranked.Count)} runs written to {target}");
            }
            else
            {
                output.Write(SweepFormatter.Text(rankings));
                output.WriteLine($"{rankings.Sum(r => r.Ranked.Count)} runs written to {target}");
            }

            return 0;
        }));
        return command;
    }

    private static BacktestOptions Options(int? latencyMs, string? latencySpec, int seed, string queue, string? fees)
    {
        if (latencyMs is not null && latencySpec is not null)
        {
            throw new UsageException("give either --latency-ms or --latency, not both");
        }

        if (latencyMs is < 0 or > (int)LatencyDistribution.MaxMs)
        {
            throw new UsageException($"--latency-ms must be between 0 and {LatencyDistribution.MaxMs}, got {latencyMs}");
        }

        return new BacktestOptions
        {
            Latency = (latencyMs, latencySpec) switch
            {
                ({ } ms, _) => LatencyOptions.Each(LatencyDistribution.Constant(ms), seed),
                (_, { } spec) => LatencyOptions.Each(Parsed("--latency", () => LatencyDistribution.Parse(spec)), seed),
                _ => LatencyOptions.Default with { Seed = seed },
            },
            QueueModel = Parsed("--queue", () => QueueModels.Create(queue)),
            Fees = fees is null ? FeeSchedule.HyperliquidBase : Parsed("--fees", () => FeeSchedule.Parse(fees)),
        };
    }

    private static T Parsed<T>(string option, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"{option}: {ex.Message.Split(" (Parameter", 2)[0]}");
        }
    }

    /// <summary>Loads the data each strategy needs; strategies whose coin is absent are skipped with a note.</summary>
    public static IReadOnlyList<BacktestRun> Prepare(string path, IReadOnlyList<StrategyParameters> strategies, bool explicitStrategy, TextWriter notes)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        ArgumentNullException.ThrowIfNull(notes);
        try
        {
            if (!Directory.Exists(path) && !File.Exists(path))
            {
                throw new UsageException($"--data: '{path}' does not exist");
            }

            var data = MarketDataLoader.Open(path);
            if (data.ProxyNote is { } proxy)
            {
                notes.WriteLine($"note: {proxy}");
            }

            var coins = data.Coins;
            var runs = new List<BacktestRun>();
            foreach (var s in strategies)
            {
                if (!coins.Contains(s.Coin))
                {
                    var message = $"no {s.Coin} data in {path} (it has: {string.Join(", ", coins)})";
                    if (explicitStrategy)
                    {
                        throw new UsageException($"--strategy {s.Name}: {message}");
                    }

                    notes.WriteLine($"note: {s.Name} skipped: {message}");
                    continue;
                }

                if (!HyperliquidPerpCatalog.TryGet(s.Coin, out var instrument))
                {
                    throw new UsageException($"no instrument data for coin {s.Coin} (known: BTC, ETH, HYPE)");
                }

                var events = data.Events(s.Coin);
                if (events.Count == 0)
                {
                    throw new UsageException($"--data: no {s.Coin} events in {path}");
                }

                runs.Add(new BacktestRun(s, instrument, events));
            }

            return runs.Count == 0 ? throw new UsageException($"--data: none of the strategies' coins is in {path}") : runs;
        }
        catch (MarketDataException ex)
        {
            throw new UsageException("--data: " + ex.Message);
        }
    }
}
