using HyperMM.Cli.Commands;
using HyperMM.Cli.Failures;
using HyperMM.Core.Model;
using HyperMM.Core.Trading;

namespace HyperMM.Cli.Hosting;

/// <summary>
/// Connects each strategy, cancels every order carrying its cloid tag and checks on the venue that none is left: the
/// panic button (<c>hypermm cancel-all</c>) and what the watchdog does when the trading process dies or hangs.
/// </summary>
public static class StrategySweep
{
    /// <summary>
    /// Sweeps every strategy at once (one failing does not stop the others) and prints one line each. Exit code 0 exactly
    /// when the venue lists none of their orders afterwards; 1 when some are left (listed), 3 when the venue could not
    /// be reached (orders left unknown), 2 when a strategy cannot be connected for a setup reason.
    /// </summary>
    public static async Task<int> RunAsync(IVenueConnector connector, IReadOnlyList<StrategyParameters> strategies, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        ArgumentNullException.ThrowIfNull(output);

        // Side by side (each strategy is its own account), printed in configuration order.
        var writers = strategies.Select(_ => new StringWriter()).ToList();
        var codes = await Task.WhenAll(strategies.Select((s, i) => SweepOneAsync(connector, s, writers[i], cancellationToken))).ConfigureAwait(false);
        foreach (var writer in writers)
        {
            await output.WriteAsync(writer.ToString()).ConfigureAwait(false);
            await writer.DisposeAsync().ConfigureAwait(false);
        }

        return Worst(codes);
    }

    /// <summary>Sweeps one strategy, prints what happened in one line (plus one per order left) and returns its exit code.</summary>
    public static async Task<int> SweepOneAsync(IVenueConnector connector, StrategyParameters strategy, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(output);
        int code;
        string line;
        try
        {
            // The connector owns the session and disposes it; the sweep only uses it.
            var exchange = await connector.ConnectAsync(strategy, cancellationToken).ConfigureAwait(false);
            var outcome = await new OwnOrders(strategy.Name).CancelAndConfirmAsync(exchange, strategy.Coin, cancellationToken).ConfigureAwait(false);
            var account = exchange.Account;
            code = outcome.Clean ? ExitCodes.Ok : ExitCodes.TradingFailure;
            line = outcome.Clean && outcome.Cancelled == 0
                ? $"{strategy.Name}: nothing to cancel on {account}; none left"
                : outcome.Clean
                ? $"{strategy.Name}: cancelled {outcome.Cancelled} order(s) on {account}; none left"
                : $"{strategy.Name}: {outcome.Left.Count} order(s) still open on {account} after {OwnOrders.ConfirmRounds} attempts"
                  + (outcome.Refusal is null ? string.Empty : $" (venue: {outcome.Refusal})") + ":"
                  + string.Concat(outcome.Left.Select(o => Environment.NewLine + "  " + OpenOrderText.Describe(o)));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            code = ExitCodes.VenueUnreachable;
            line = $"{strategy.Name}: the venue did not answer in time; orders left unknown";
        }
        catch (VenueSetupException ex)
        {
            code = ExitCodes.Usage;
            line = $"{strategy.Name}: could not connect: {ex.Message}; orders left unknown";
        }
#pragma warning disable CA1031 // Each strategy is swept even if another one fails; the failure is reported with its exit code.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            var unreachable = VenueUnreachableException.IsUnreachable(ex);
            code = unreachable ? ExitCodes.VenueUnreachable : ExitCodes.TradingFailure;
            line = $"{strategy.Name}: {(unreachable ? string.Empty : "could not sweep: ")}{ex.Message}; orders left unknown";
        }

        await output.WriteLineAsync(line).ConfigureAwait(false);
        return code;
    }

    /// <summary>Orders known to be left outrank an unreachable venue, which outranks a setup mistake.</summary>
    public static int Worst(IEnumerable<int> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        int[] severity = [ExitCodes.TradingFailure, ExitCodes.VenueUnreachable, ExitCodes.Usage];
        var set = codes.ToHashSet();
        return severity.FirstOrDefault(set.Contains, set.FirstOrDefault(c => c != ExitCodes.Ok));
    }
}
