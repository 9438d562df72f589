using System.CommandLine;
using HyperMM.Cli.Hosting;

namespace HyperMM.Cli.Commands;

/// <summary>
/// <c>hypermm run</c>, the main job: the configured strategies side by side, each on its own account and key,
/// against the embedded local exchange (default) or Hyperliquid testnet/mainnet.
/// </summary>
public static class RunCommand
{
    public const string ConfirmMainnetFlag = "--i-understand-this-trades-real-money";

    public static Command Build()
    {
        var config = CommonOptions.Config();
        var strategy = new Option<string?>("--strategy") { Description = "Run only this strategy (default: all in the config)." };
        var network = new Option<string>("--network")
        {
            Description = "local (embedded exchange, rehearsal keys, the default), testnet or mainnet (keys from each strategy's key_env).",
            DefaultValueFactory = _ => "local",
        };
        network.AcceptOnlyFromAmong("local", "testnet", "mainnet");
        var confirm = new Option<bool>(ConfirmMainnetFlag) { Description = "Required with --network mainnet." };
        var duration = new Option<string?>("--duration") { Description = "Stop after this long (90, 90s, 15m, 2h); default: until Ctrl-C." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Compute and show quotes, send no orders." };
        var db = new Option<string>("--db") { Description = "SQLite journal.", DefaultValueFactory = _ => "data/hypermm.db" };
        var logs = new Option<string>("--log-dir") { Description = "Folder for the JSON log files.", DefaultValueFactory = _ => "data/logs" };
        var debug = new Option<bool>("--debug") { Description = "Debug-level logs." };
        var dashboard = new Option<bool>("--dashboard") { Description = "Serve the live dashboard on 127.0.0.1." };
        var dashboardPort = new Option<int>("--dashboard-port") { Description = "Dashboard port (0: any free port).", DefaultValueFactory = _ => 0 };
        var plain = new Option<bool>("--plain") { Description = "Print status lines instead of the live table (default when output is not a terminal)." };
        var faults = new Option<string?>("--local-faults") { Description = "Local exchange only: fault switches, e.g. \"ws-drop=20,http-5xx=0.05\" (see hypermm exchange --help)." };

        var command = new Command("run", "Run the market makers (default: all three, against the embedded local exchange).")
        {
            config, strategy, network, confirm, duration, dryRun, db, logs, debug, dashboard, dashboardPort, plain, faults,
        };
        command.SetAction((parse, _) => CommandRunner.RunAsync(parse, async () =>
        {
            var net = parse.GetValue(network)!;
            if (net == "mainnet" && !parse.GetValue(confirm))
            {
                throw new UsageException($"--network mainnet trades real money: add {ConfirmMainnetFlag} to confirm");
            }

            if (net != "local" && parse.GetValue(faults) is not null)
            {
                throw new UsageException("--local-faults: only with --network local");
            }

            var settings = new RunSettings
            {
                Network = net,
                Strategies = CommonOptions.LoadStrategies(parse.GetValue(config), parse.GetValue(strategy)),
                Duration = parse.GetValue(duration) is { } d ? DurationParser.Parse("--duration", d) : null,
                DryRun = parse.GetValue(dryRun),
                DatabasePath = parse.GetValue(db)!,
                LogFolder = parse.GetValue(logs)!,
                DebugLogging = parse.GetValue(debug),
                Dashboard = parse.GetValue(dashboard),
                DashboardPort = parse.GetValue(dashboardPort),
                LiveTable = !parse.GetValue(plain) && !Console.IsOutputRedirected && ReferenceEquals(parse.InvocationConfiguration.Output, Console.Out),
                LocalExchangeArguments = parse.GetValue(faults),
            };
            var output = parse.InvocationConfiguration.Output;
            using var signal = new ShutdownSignal(parse.InvocationConfiguration.Error);
            var session = new RunSession(settings, VenueConnectors.CreateAsync, TimeProvider.System);
            return await session.RunAsync(output, parse.InvocationConfiguration.Error, signal.Token).ConfigureAwait(false);
        }));
        return command;
    }
}
