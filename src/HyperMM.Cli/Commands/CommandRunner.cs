using System.CommandLine;
using HyperMM.Cli.Config;
using HyperMM.Cli.Failures;
using HyperMM.Cli.Hosting;
using HyperMM.Cli.Safety;
using HyperMM.Journal;
using HyperMM.Simulation.Backtest;
using Microsoft.Data.Sqlite;

namespace HyperMM.Cli.Commands;

/// <summary>
/// The one way out of every command: runs the body (whose <c>await using</c> blocks dispose what it opened) and turns
/// expected failures into one line on stderr and the documented exit code (<see cref="ExitCodes"/>): a backtest
/// that cannot finish 1, user mistakes 2, an unreachable venue 3, a journal that cannot be used 4, a lease held by
/// another run 5. Anything else is a bug and keeps its stack trace.
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
        catch (Exception ex) when (Classify(ex) is { } failure)
        {
            parse.InvocationConfiguration.Error.WriteLine(failure.Line);
            return failure.Code;
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
        catch (Exception ex) when (Classify(ex) is { } failure)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync(failure.Line).ConfigureAwait(false);
            return failure.Code;
        }
    }

    /// <summary>The exit code and the one line for an expected failure; null for a bug.</summary>
    public static (int Code, string Line)? Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            UsageException or RunSelectionException or ConfigException or VenueSetupException => (ExitCodes.Usage, "error: " + exception.Message),
            BacktestFailedException => (ExitCodes.TradingFailure, "error: backtest failed: " + exception.Message),
            LeaseHeldException => (ExitCodes.LeaseHeld, "error: " + exception.Message),
            JournalException => (ExitCodes.JournalError, "error: " + exception.Message),
            SqliteException sqlite => (ExitCodes.JournalError, "error: journal: " + sqlite.Message),
            _ when VenueUnreachableException.IsUnreachable(exception) => (ExitCodes.VenueUnreachable, "error: " + (exception is VenueUnreachableException
                ? exception.Message
                : "could not reach the venue: " + exception.Message)),
            UnauthorizedAccessException or IOException => (ExitCodes.Usage, "error: " + exception.Message),
            _ => null,
        };
    }
}
