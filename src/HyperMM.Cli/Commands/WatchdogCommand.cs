using System.CommandLine;
using HyperMM.Cli.Failures;
using HyperMM.Cli.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace HyperMM.Cli.Commands;

/// <summary>
/// <c>hypermm watchdog</c> (started by <c>hypermm run</c>, not by hand): reads the engine's per-strategy heartbeats on
/// standard input and cancels a strategy's orders when its heartbeats stop for <c>--timeout-seconds</c> (frozen
/// process, stuck loop) or the engine dies; says so on stderr, in its log and in the engine's journal.
/// </summary>
public static class WatchdogCommand
{
    public static Command Build()
    {
        var venue = new VenueOptions();
        var timeout = new Option<int>("--timeout-seconds") { Description = "Silence after which a strategy counts as hung.", DefaultValueFactory = _ => RunSettings.DefaultWatchdogTimeoutSeconds };
        var db = new Option<string?>("--db") { Description = "The engine's journal: what the watchdog did is noted there." };
        var runId = new Option<long>("--run-id") { Description = "The engine's run in the journal." };
        var logs = new Option<string?>("--log-dir") { Description = "Folder for the watchdog's JSON log." };
        var parentPid = new Option<int>("--parent-pid") { Description = "The engine's process id (for the messages)." };
        var command = new Command("watchdog", "Internal: the client-side dead-man switch started by 'hypermm run'.") { Hidden = true };
        venue.AddTo(command);
        foreach (var option in new Option[] { timeout, db, runId, logs, parentPid })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, _) => CommandRunner.RunAsync(parse, async () =>
        {
            var settings = venue.Read(parse);
            VenueOptions.RequireOutsideVenue(settings, "watchdog");
            var seconds = parse.GetValue(timeout);
            if (seconds < 1)
            {
                throw new UsageException($"--timeout-seconds: {seconds} is not a positive number of seconds");
            }

            using var loggers = parse.GetValue(logs) is { } folder ? FileLogging.Create(folder, Microsoft.Extensions.Logging.LogLevel.Information) : NullLoggerFactory.Instance;
            var watch = new WatchdogActions(settings, parse.GetValue(db), parse.GetValue(runId), parse.GetValue(parentPid), parse.InvocationConfiguration.Error, loggers);
            try
            {
                var loop = new WatchdogLoop(settings.Strategies.Select(s => s.Name), TimeSpan.FromSeconds(seconds), TimeProvider.System);
                var outcome = await loop.WatchAsync(Console.In, watch.SweepAsync, watch.NoticeAsync, CancellationToken.None).ConfigureAwait(false);
                return outcome == WatchdogLoop.Outcome.CleanShutdown ? ExitCodes.Ok : watch.WorstCode;
            }
            finally
            {
                await watch.DisposeAsync().ConfigureAwait(false);
            }
        }));
        return command;
    }
}
