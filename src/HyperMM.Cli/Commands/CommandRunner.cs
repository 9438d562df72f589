using System.CommandLine;
using HyperMM.Cli.Config;
using HyperMM.Simulation.Backtest;

namespace HyperMM.Cli.Commands;

/// <summary>
/// Runs a command body and turns user mistakes (bad arguments, bad configuration, bad data) into one line on stderr
/// and exit code 2. A backtest that cannot finish (its strategy loop failed or stalled) is one line and exit code 1.
/// Anything else is a bug and keeps its stack trace.
/// </summary>
public static class CommandRunner
{
    public static int Run(ParseResult parse, Func<int> body)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return body();
        }
        catch (Exception ex) when (ex is UsageException or ConfigException or Hosting.VenueSetupException)
        {
            parse.InvocationConfiguration.Error.WriteLine("error: " + ex.Message);
            return CliApp.UsageError;
        }
        catch (BacktestFailedException ex)
        {
            parse.InvocationConfiguration.Error.WriteLine("error: backtest failed: " + ex.Message);
            return CliApp.RunFailed;
        }
    }

    public static async Task<int> RunAsync(ParseResult parse, Func<Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is UsageException or ConfigException or Hosting.VenueSetupException)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return CliApp.UsageError;
        }
    }
}
