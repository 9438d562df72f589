using System.CommandLine;
using HyperMM.Cli.Failures;
using HyperMM.Cli.Output;
using HyperMM.Core.Primitives;
using HyperMM.Simulation.Calibration;
using HyperMM.Simulation.Market;

namespace HyperMM.Cli.Commands;

/// <summary>
/// <c>hypermm calibrate</c>: per coin, measures from recorded books and trades the market inputs of the quoting
/// models (volatility, taker intensity by depth, spread, depth, trade sizes), prints a table and a YAML fragment of
/// suggested parameters (<see cref="CalibrationYaml"/>), or JSON.
/// </summary>
public static class CalibrateCommand
{
    public static Command Build()
    {
        var data = CommonOptions.Data();
        var coin = new Option<string?>("--coin") { Description = "Only this coin (default: every coin in the data)." };
        var json = new Option<bool>("--json") { Description = "Print only JSON: {\"coins\":[...]}." };
        var outFile = new Option<string?>("--out") { Description = "Write the suggested-parameters YAML to this file instead of printing it after the table." };
        var command = new Command("calibrate", "Measure volatility, trade intensity by distance from mid (A, kappa), spread, depth and trade sizes from recorded data; suggest model parameters.")
        {
            data, coin, json, outFile,
        };
        command.WithExamples(
            "hypermm calibrate --data data/eth-btc-hype.jsonl.gz");
        command.SetAction(parse => CommandRunner.Run(parse, () =>
        {
            var path = parse.GetValue(data)!;
            var results = Load(path, parse.GetValue(coin), parse.InvocationConfiguration.Error).Select(x => MarketCalibrator.Calibrate(x.Coin, x.Events)).ToList();
            var output = parse.InvocationConfiguration.Output;
            var yaml = CalibrationYaml.Fragment(path, results);
            if (parse.GetValue(outFile) is { } target)
            {
                WriteFile(target, yaml);
            }

            if (parse.GetValue(json))
            {
                output.Write(CalibrationFormatter.Json(results));
                return 0;
            }

            output.Write(CalibrationFormatter.Table(results));
            output.WriteLine();
            if (parse.GetValue(outFile) is { } written)
            {
                output.WriteLine($"suggested parameters written to {written}");
            }
            else
            {
                output.Write(yaml);
            }

            return 0;
        }));
        return command;
    }

    private static List<(Coin Coin, IReadOnlyList<MarketEvent> Events)> Load(string path, string? only, TextWriter notes)
    {
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
            if (only is not null)
            {
                if (!coins.Any(c => c.Name == only))
                {
                    throw new UsageException($"--coin: no {only} data in {path} (it has: {(coins.Count == 0 ? "nothing" : string.Join(", ", coins))})");
                }

                coins = [new Coin(only)];
            }
            else if (coins.Count == 0)
            {
                throw new UsageException($"--data: no market data found in {path}");
            }

            var loaded = new List<(Coin, IReadOnlyList<MarketEvent>)>();
            foreach (var c in coins)
            {
                var events = data.Events(c);
                if (!events.Any(e => e.Kind == MarketEventKind.Book))
                {
                    throw new UsageException($"--data: no {c} books in {path}; calibration needs books and trades");
                }

                loaded.Add((c, events));
            }

            return loaded;
        }
        catch (MarketDataException ex)
        {
            throw new UsageException("--data: " + ex.Message);
        }
    }

    private static void WriteFile(string target, string text)
    {
        try
        {
            File.WriteAllText(target, text);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"--out: cannot write {target}: {ex.Message}");
        }
    }
}
