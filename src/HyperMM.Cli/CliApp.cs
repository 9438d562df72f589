using System.CommandLine;
using HyperMM.Cli.Commands;
using HyperMM.Cli.Failures;

namespace HyperMM.Cli;

/// <summary>Builds the <c>hypermm</c> command tree. Each command lives in its own file under Commands/.</summary>
public static class CliApp
{
    /// <summary>Exit code for a user mistake (bad argument, bad config): one clear message, no stack trace.</summary>
    public const int UsageError = ExitCodes.Usage;

    /// <summary>Exit code for a run that did not complete normally (a strategy failed, halted or stalled).</summary>
    public const int RunFailed = ExitCodes.TradingFailure;

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("HyperMM: inventory-aware market making on Hyperliquid perpetuals.");
        root.Subcommands.Add(QuoteCommand.Build());
        root.Subcommands.Add(RunCommand.Build());
        root.Subcommands.Add(DoctorCommand.Build());
        root.Subcommands.Add(RecordCommand.Build());
        root.Subcommands.Add(CancelAllCommand.Build());
        root.Subcommands.Add(WatchdogCommand.Build());
        root.Subcommands.Add(ReportCommand.Build());
        root.Subcommands.Add(DashboardCommand.Build());
        root.Subcommands.Add(ExchangeCommand.Build());
        root.Subcommands.Add(ExchangeLoadCommand.Build());
        root.Subcommands.Add(SignCommand.Build());
        root.Subcommands.Add(BacktestCommand.Build());
        root.Subcommands.Add(CalibrateCommand.Build());
        root.Subcommands.Add(SimulateCommand.Build());
        HelpExamples.Install(root);
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = BuildRoot();
        var parse = root.Parse(args);
        var config = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
        };
        if (parse.Errors.Count > 0 && parse.Action is not { ClearsParseErrors: true })
        {
            var err = config.Error;
            foreach (var e in parse.Errors)
            {
                await err.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            }

            await err.WriteLineAsync("Run 'hypermm --help' (or 'hypermm <command> --help') for usage.").ConfigureAwait(false);
            return UsageError;
        }

        return await parse.InvokeAsync(config).ConfigureAwait(false);
    }
}
