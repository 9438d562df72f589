using System.CommandLine;
using HyperMM.Cli.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace HyperMM.Cli.Commands;

/// <summary>
/// <c>hypermm watchdog</c> (started by <c>hypermm run</c>, not by hand): waits on standard input for heartbeats and
/// cancels the strategies' orders when the parent dies or goes silent.
/// </summary>
public static class WatchdogCommand
{
    public static Command Build()
    {
        var venue = new VenueOptions();
        var timeout = new Option<int>("--timeout-seconds") { Description = "Silence after which the parent counts as hung.", DefaultValueFactory = _ => 30 };
        var command = new Command("watchdog", "Internal: the client-side dead-man switch started by 'hypermm run'.") { Hidden = true };
        venue.AddTo(command);
        command.Options.Add(timeout);
        command.SetAction((parse, _) => CommandRunner.RunAsync(parse, async () =>
        {
            var settings = venue.Read(parse);
            var outcome = await WatchdogLoop.WatchAsync(Console.In, TimeSpan.FromSeconds(parse.GetValue(timeout)), TimeProvider.System, CancellationToken.None).ConfigureAwait(false);
            if (outcome == WatchdogLoop.Outcome.CleanShutdown)
            {
                return 0;
            }

            var output = parse.InvocationConfiguration.Error;
            await output.WriteLineAsync($"watchdog: parent {(outcome == WatchdogLoop.Outcome.ParentDied ? "died" : "went silent")}; cancelling the strategies' orders").ConfigureAwait(false);
            using var sweepTime = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await using var connector = await VenueConnectors.CreateAsync(settings, NullLoggerFactory.Instance, output, sweepTime.Token).ConfigureAwait(false);
            return await StrategySweep.RunAsync(connector, settings.Strategies, output, sweepTime.Token).ConfigureAwait(false);
        }));
        return command;
    }
}
