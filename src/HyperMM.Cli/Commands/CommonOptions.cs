using System.CommandLine;
using HyperMM.Cli.Config;
using HyperMM.Cli.Failures;
using HyperMM.Core.Model;

namespace HyperMM.Cli.Commands;

/// <summary>Options and helpers several commands share.</summary>
public static class CommonOptions
{
    public static Option<string?> Config() => new("--config")
    {
        Description = "Strategy configuration file (default: config/strategies.yaml, else the copy shipped with hypermm).",
    };

    /// <summary><c>--data</c>: recorded market data, read by the simulation's <c>MarketDataLoader</c>.</summary>
    public static Option<string> Data() => new("--data")
    {
        Description = "Market data: a directory in the HL CSV layout, a raw WS capture (Hyperliquid, or Binance futures streams read as a proxy market) or a hypermm recording (.gz ok).",
        Required = true,
    };

    /// <summary><c>--log-level</c>: debug, info, warn or error (<see cref="Hosting.LogLevels"/>).</summary>
    public static Option<string> LogLevel(string defaultLevel, string what)
    {
        var option = new Option<string>("--log-level")
        {
            Description = $"{what}: debug, info, warn or error (default {defaultLevel}). The per-request lines of the web servers appear only at debug.",
            DefaultValueFactory = _ => defaultLevel,
        };
        option.AcceptOnlyFromAmong([.. Hosting.LogLevels.Names]);
        return option;
    }

    /// <summary>Loads the config and keeps one strategy (by name) or all of them.</summary>
    public static IReadOnlyList<StrategyParameters> LoadStrategies(string? configPath, string? strategyName)
    {
        var all = StrategyConfigLoader.Load(StrategyConfigLoader.ResolvePath(configPath));
        if (string.IsNullOrEmpty(strategyName))
        {
            return all;
        }

        var one = all.FirstOrDefault(s => s.Name == strategyName);
        return one is null
            ? throw new UsageException($"--strategy: unknown strategy '{strategyName}' (configured: {string.Join(", ", all.Select(s => s.Name))})")
            : [one];
    }
}
