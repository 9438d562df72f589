using HyperMM.Core.Model;

namespace HyperMM.Cli.Hosting;

/// <summary>
/// Connects each strategy and cancels every order carrying its cloid tag: the panic button
/// (<c>hypermm cancel-all</c>) and what the watchdog does when the trading process dies.
/// </summary>
public static class StrategySweep
{
    /// <summary>Returns 0 when every strategy was swept, 1 when one could not be.</summary>
    public static async Task<int> RunAsync(IVenueConnector connector, IReadOnlyList<StrategyParameters> strategies, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(strategies);
        ArgumentNullException.ThrowIfNull(output);
        var failures = 0;
        foreach (var strategy in strategies)
        {
            try
            {
                var exchange = await connector.ConnectAsync(strategy, cancellationToken).ConfigureAwait(false);
                await using (exchange.ConfigureAwait(false))
                {
                    var cancelled = await OrderSweeper.SweepAsync(exchange, strategy, cancellationToken).ConfigureAwait(false);
                    await output.WriteLineAsync($"{strategy.Name}: cancelled {cancelled} order(s) on {exchange.Account}").ConfigureAwait(false);
                }
            }
#pragma warning disable CA1031 // Each strategy is swept even if another one fails; the failure is reported.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                failures++;
                await output.WriteLineAsync($"{strategy.Name}: could not sweep: {ex.Message}").ConfigureAwait(false);
            }
        }

        return failures == 0 ? 0 : 1;
    }
}
