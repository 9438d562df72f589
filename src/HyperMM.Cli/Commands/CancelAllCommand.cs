using System.CommandLine;
using HyperMM.Cli.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace HyperMM.Cli.Commands;

/// <summary>
/// <c>hypermm cancel-all</c>, the panic button: cancel every order the configured strategies own, whichever run placed
/// it, then ask the venue again. Exit code 0 exactly when none is left; otherwise what is left is listed (1), or the
/// venue could not be reached (3).
/// </summary>
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
            VenueOptions.RequireOutsideVenue(settings, "cancel-all");
            using var time = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await using var connector = await VenueConnectors.CreateAsync(settings, NullLoggerFactory.Instance, parse.InvocationConfiguration.Output, time.Token).ConfigureAwait(false);
            return await StrategySweep.RunAsync(connector, settings.Strategies, parse.InvocationConfiguration.Output, time.Token).ConfigureAwait(false);
        }));
        return command;
    }
}
