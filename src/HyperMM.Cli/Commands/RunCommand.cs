using System.CommandLine;
using HyperMM.Cli.Failures;
using HyperMM.Cli.Hosting;

namespace HyperMM.Cli.Commands;

/// <summary>
/// <c>hypermm run</c>, the main job: the configured strategies side by side, each on its own account and key,
/// against the embedded local exchange (default) or Hyperliquid testnet/mainnet.
/// </summary>
public static class RunCommand
{
    public static Command Build()
    {
        var venue = new VenueOptions();
        var duration = new Option<string?>("--duration") { Description = "Stop after this long (90, 90s, 15m, 2h); default: until Ctrl-C." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Compute and show quotes, send no orders." };
        var db = new Option<string>("--db") { Description = "SQLite journal.", DefaultValueFactory = _ => "data/hypermm.db" };
        var logs = new Option<string>("--log-dir") { Description = "Folder for the JSON log files (a new file each day and every 10 MB; the newest 5 are kept).", DefaultValueFactory = _ => "data/logs" };
        var logLevel = CommonOptions.LogLevel("info", "Log file level");
        var debug = new Option<bool>("--debug") { Description = "Same as --log-level debug." };
        var dashboard = new Option<bool>("--dashboard") { Description = "Serve the live dashboard on 127.0.0.1, with Prometheus metrics at /metrics." };
        var dashboardPort = new Option<int>("--dashboard-port") { Description = "Dashboard port (0: any free port).", DefaultValueFactory = _ => 0 };
        var plain = new Option<bool>("--plain") { Description = "Print status lines instead of the live table (default when output is not a terminal)." };
        var noWatchdog = new Option<bool>("--no-watchdog") { Description = "Testnet/mainnet: do not start the watchdog process that cancels orders if this one dies." };
        var watchdogTimeout = new Option<int>("--watchdog-timeout") { Description = "Seconds without progress of a strategy loop (frozen or stuck engine) after which the watchdog cancels its orders.", DefaultValueFactory = _ => RunSettings.DefaultWatchdogTimeoutSeconds };
        var journalTimeout = new Option<int>("--journal-timeout") { Description = "Seconds a journal write waits for a lock held by another process before the run halts (the journal failed).", DefaultValueFactory = _ => (int)Journal.JournalFile.DefaultBusyTimeout.TotalSeconds };
        var faults = new Option<string?>("--local-faults") { Description = "Embedded local exchange only: fault switches, e.g. \"drop-ws-every=5,http-fail-fraction=0.05\" (names as the fault options of hypermm exchange)." };

        var command = new Command("run", "Run the market makers (default: all three, against the embedded local exchange).");
        venue.AddTo(command);
        command.WithExamples(
            "hypermm run --duration 10s",
            "hypermm run --duration 10s --local-faults \"drop-ws-every=5,http-fail-fraction=0.05\"",
            "hypermm run --duration 10s --dashboard --log-level warn");
        foreach (var option in new Option[] { duration, dryRun, db, logs, logLevel, debug, dashboard, dashboardPort, plain, noWatchdog, watchdogTimeout, journalTimeout, faults })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, _) => CommandRunner.RunAsync(parse, async () =>
        {
            var settings = venue.Read(parse) with
            {
                Duration = parse.GetValue(duration) is { } d ? DurationParser.Parse("--duration", d) : null,
                DryRun = parse.GetValue(dryRun),
                DatabasePath = parse.GetValue(db)!,
                LogFolder = parse.GetValue(logs)!,
                LogLevel = parse.GetValue(debug) ? Microsoft.Extensions.Logging.LogLevel.Debug : LogLevels.Parse(parse.GetValue(logLevel)!),
                Dashboard = parse.GetValue(dashboard),
                DashboardPort = parse.GetValue(dashboardPort),
                LiveTable = !parse.GetValue(plain) && !Console.IsOutputRedirected && ReferenceEquals(parse.InvocationConfiguration.Output, Console.Out),
                Watchdog = !parse.GetValue(noWatchdog) && !parse.GetValue(dryRun),
                LocalExchangeArguments = parse.GetValue(faults),
            };
            if (settings.DashboardPort is < 0 or > 65535)
            {
                throw new UsageException($"--dashboard-port: {settings.DashboardPort} is not a port (0-65535)");
            }

            if (parse.GetValue(watchdogTimeout) is var seconds and (< 1 or > 3600))
            {
                throw new UsageException($"--watchdog-timeout: {seconds} is not between 1 and 3600 seconds");
            }

            var journalSeconds = parse.GetValue(journalTimeout);
            if (journalSeconds is < 1 or > 3600)
            {
                throw new UsageException($"--journal-timeout: {journalSeconds} is not between 1 and 3600 seconds");
            }

            settings = settings with
            {
                WatchdogTimeout = TimeSpan.FromSeconds(parse.GetValue(watchdogTimeout)),
                JournalBusyTimeout = TimeSpan.FromSeconds(journalSeconds),
            };
            if (settings.LocalExchangeArguments is not null && (settings.Network != "local" || settings.ExchangeUrl is not null))
            {
                throw new UsageException("--local-faults: only with the embedded local exchange (--network local without --exchange-url)");
            }

            LocalFaultSpec.Validate(settings.LocalExchangeArguments); // a bad switch is refused before anything starts

            using var signal = new ShutdownSignal(parse.InvocationConfiguration.Error);
            var session = new RunSession(settings, VenueConnectors.CreateAsync, TimeProvider.System);
            return await session.RunAsync(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, signal.Token).ConfigureAwait(false);
        }));
        return command;
    }
}
