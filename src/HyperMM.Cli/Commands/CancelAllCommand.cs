using System.CommandLine;
using HyperMM.Cli.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace HyperMM.Cli.Commands;

/// <summary><c>hypermm cancel-all</c>: cancel every order the configured strategies own, whichever run placed it.</summary>
public static class CancelAllCommand
{
    public static Command Build()
    {
        var venue = new VenueOptions();
        var command = new Command("cancel-all", "Cancel every open order of the configured strategies (recognised by their client order ids).");
        venue.AddTo(command);
        command.SetAction((parse, _) => CommandRunner.RunAsync(parse, async () =>
        {
            var settings = venue.Read(parse);
            using var time = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await using var connector = await VenueConnectors.CreateAsync(settings, NullLoggerFactory.Instance, parse.InvocationConfiguration.Output, time.Token).ConfigureAwait(false);
            return await StrategySweep.RunAsync(connector, settings.Strategies, parse.InvocationConfiguration.Output, time.Token).ConfigureAwait(false);
        }));
        return command;
    }
}
