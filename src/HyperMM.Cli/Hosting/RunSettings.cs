using HyperMM.Core.Model;

namespace HyperMM.Cli.Hosting;

/// <summary>Everything <c>hypermm run</c> was asked to do, validated before anything starts.</summary>
public sealed record RunSettings
{
    /// <summary>"local" (embedded exchange), "testnet" or "mainnet".</summary>
    public required string Network { get; init; }

    public required IReadOnlyList<StrategyParameters> Strategies { get; init; }

    /// <summary>The configuration file the strategies came from (passed on to the watchdog process).</summary>
    public string ConfigPath { get; init; } = string.Empty;

    /// <summary>The one strategy asked for with --strategy, or null for all.</summary>
    public string? StrategyFilter { get; init; }

    /// <summary>Stop after this long; null runs until Ctrl-C / SIGTERM.</summary>
    public TimeSpan? Duration { get; init; }

    public bool DryRun { get; init; }

    public string DatabasePath { get; init; } = "data/hypermm.db";

    public string LogFolder { get; init; } = "data/logs";

    /// <summary>Minimum log level (<c>--log-level</c>; request lines of the embedded exchange only at Debug).</summary>
    public Microsoft.Extensions.Logging.LogLevel LogLevel { get; init; } = Microsoft.Extensions.Logging.LogLevel.Information;

    /// <summary>Serve the live dashboard on 127.0.0.1 (port 0 = any free port).</summary>
    public bool Dashboard { get; init; }

    public int DashboardPort { get; init; }

    /// <summary>Draw the live table in place (interactive terminal) rather than printing a status line now and then.</summary>
    public bool LiveTable { get; init; }

    /// <summary>
    /// With "local": a running <c>hypermm exchange</c> (or any Hyperliquid-compatible server) instead of the embedded
    /// one. Null: start the local exchange in this process.
    /// </summary>
    public Uri? ExchangeUrl { get; init; }

    /// <summary>With an external local exchange: the rehearsal keys file it wrote (<c>hypermm exchange --keys-file</c>).</summary>
    public string? KeysFile { get; init; }

    /// <summary>Start a watchdog process that cancels our orders if this process dies (venue networks).</summary>
    public bool Watchdog { get; init; }

    /// <summary>How long a journal write waits for a lock another process holds before the run halts (journal failed).</summary>
    public TimeSpan JournalBusyTimeout { get; init; } = Journal.JournalFile.DefaultBusyTimeout;

    /// <summary>The watchdog's default silence before it cancels (run --watchdog-timeout, watchdog --timeout-seconds).</summary>
    public const int DefaultWatchdogTimeoutSeconds = 30;

    /// <summary>A strategy whose loop makes no progress for this long has its orders cancelled by the watchdog.</summary>
    public TimeSpan WatchdogTimeout { get; init; } = TimeSpan.FromSeconds(DefaultWatchdogTimeoutSeconds);

    /// <summary>Local exchange only: fault switches for rehearsals (see <c>hypermm exchange --help</c>).</summary>
    public string? LocalExchangeArguments { get; init; }
}
