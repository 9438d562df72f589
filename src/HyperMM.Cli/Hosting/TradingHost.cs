using HyperMM.Cli.Failures;
using HyperMM.Core.Model;
using HyperMM.Core.Primitives;
using HyperMM.Core.Strategy;
using HyperMM.Core.Trading;

namespace HyperMM.Cli.Hosting;

/// <summary>
/// Runs several strategies side by side, each on its own exchange session: connects them (a strategy that cannot
/// start is reported and the others go on), runs their loops until cancelled, then checks that none of them left
/// an order on the venue.
/// </summary>
public sealed class TradingHost
{
    private readonly IVenueConnector _connector;
    private readonly TimeProvider _time;
    private readonly IStrategyObserver _observer;
    private readonly Func<StrategyParameters, Address, long?> _backfillSince;
    private readonly StrategyRunnerOptions _runnerOptions;

    public TradingHost(
        IReadOnlyList<StrategyParameters> strategies,
        IVenueConnector connector,
        TimeProvider time,
        IStrategyObserver observer,
        StrategyRunnerOptions runnerOptions,
        Func<StrategyParameters, Address, long?>? backfillSince = null)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(observer);
        ArgumentNullException.ThrowIfNull(runnerOptions);
        Slots = [.. strategies.Select(s => new StrategySlot(s))];
        _connector = connector;
        _time = time;
        _observer = observer;
        _runnerOptions = runnerOptions;
        _backfillSince = backfillSince ?? ((_, _) => null);
    }

    public IReadOnlyList<StrategySlot> Slots { get; }

    /// <summary>Runs every strategy until <paramref name="cancellationToken"/> fires, then shuts them all down.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var runs = Slots.Select(slot => RunSlotAsync(slot, cancellationToken)).ToList();
        await Task.WhenAll(runs).ConfigureAwait(false);
    }

    private async Task RunSlotAsync(StrategySlot slot, CancellationToken ct)
    {
        try
        {
            await RunConnectedSlotAsync(slot, ct).ConfigureAwait(false);
        }
        finally
        {
            slot.Finished = true;
        }
    }

    private async Task RunConnectedSlotAsync(StrategySlot slot, CancellationToken ct)
    {
        try
        {
            slot.Exchange = await _connector.ConnectAsync(slot.Parameters, ct).ConfigureAwait(false);
        }
        catch (VenueUnreachableException ex)
        {
            slot.Unreachable = true;
            Fail(slot, ex.Message);
            return;
        }
        catch (VenueSetupException ex)
        {
            Fail(slot, ex.Message);
            return;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return; // stopped before it connected: it placed nothing, and the orders left stay unknown
        }

        var options = _runnerOptions with { BackfillFillsSinceMs = _backfillSince(slot.Parameters, slot.Exchange.Account) };
        slot.Runner = new StrategyRunner(slot.Parameters, slot.Exchange, _time, _observer, options);
        try
        {
            await slot.Runner.RunAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (StrategyHaltedException ex)
        {
            Fail(slot, ex.Message); // it cancelled its orders; the sweep below confirms none is left
        }
#pragma warning disable CA1031 // One strategy's failure is reported and must not take the others down.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            slot.Unreachable = VenueUnreachableException.IsUnreachable(ex);
            Fail(slot, ex.GetType().Name + ": " + ex.Message);
        }

        if (!_runnerOptions.DryRun)
        {
            await CountOrdersLeftAsync(slot).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// After the strategy stopped: cancels whatever of ours the venue still lists and counts what stays (the same
    /// sweep as the panic button). The venue may be failing right now (that may be why we stopped), so a sweep that
    /// throws is tried again before the count is reported as unknown.
    /// </summary>
    private async Task CountOrdersLeftAsync(StrategySlot slot)
    {
        if (slot.Exchange is null)
        {
            return;
        }

        const int Attempts = 3;
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60), _time); // room for a rate-limit pause
            try
            {
                var outcome = await new OwnOrders(slot.Name).CancelAndConfirmAsync(slot.Exchange, slot.Parameters.Coin, cts.Token).ConfigureAwait(false);
                slot.OrdersLeft = outcome.Left.Count;
                if (!outcome.Clean)
                {
                    _observer.OnNote(slot.Name, _time.GetUtcNow().ToUnixTimeMilliseconds(), "error",
                        $"{outcome.Left.Count} order(s) still open after shutdown{(outcome.Refusal is null ? string.Empty : " (venue: " + outcome.Refusal + ")")}: "
                        + string.Join("; ", outcome.Left.Select(OpenOrderText.Describe)));
                }

                return;
            }
#pragma warning disable CA1031 // Reported in the summary as "unknown" after the last attempt.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                if (attempt == Attempts)
                {
                    _observer.OnNote(slot.Name, _time.GetUtcNow().ToUnixTimeMilliseconds(), "error", "could not confirm open orders after shutdown: " + ex.Message);
                    return;
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(attempt), _time).ConfigureAwait(false);
        }
    }

    private void Fail(StrategySlot slot, string message)
    {
        slot.Error = message;
        _observer.OnNote(slot.Name, _time.GetUtcNow().ToUnixTimeMilliseconds(), "error", message);
    }
}
