using HyperMM.Core.Model;

namespace HyperMM.Cli.Hosting;

/// <summary>Everything <c>hypermm run</c> was asked to do, validated before anything starts.</summary>
public sealed record RunSettings
{
    /// <summary>"local" (embedded exchange), "testnet" or "mainnet".</summary>
    public required string Network { get; init; }

    public required IReadOnlyList<StrategyParameters> Strategies { get; init; }

    /// <summary>Stop after this long; null runs until Ctrl-C / SIGTERM.</summary>
    public TimeSpan? Duration { get; init; }

    public bool DryRun { get; init; }

    public string DatabasePath { get; init; } = "data/hypermm.db";

    public string LogFolder { get; init; } = "data/logs";

    public bool DebugLogging { get; init; }

    /// <summary>Serve the live dashboard on 127.0.0.1 (port 0 = any free port).</summary>
    public bool Dashboard { get; init; }

    public int DashboardPort { get; init; }

    /// <summary>Draw the live table in place (interactive terminal) rather than printing a status line now and then.</summary>
    public bool LiveTable { get; init; }

    /// <summary>Local exchange only: fault switches for rehearsals (see <c>hypermm exchange --help</c>).</summary>
    public string? LocalExchangeArguments { get; init; }
}
