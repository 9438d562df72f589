using HyperMM.Core.Accounting;
using HyperMM.Core.Model;
using HyperMM.Core.Trading;

namespace HyperMM.Core.Strategy;

/// <summary>
/// Everything the loop does, for the journal, the console, the dashboard and backtest metrics. Called on the
/// strategy's own task; implementations must be quick and must not throw.
/// </summary>
public interface IStrategyObserver
{
    void OnQuote(string strategy, long timeMs, ModelQuote quote, RequotePlan plan);

    void OnOrderResult(string strategy, long timeMs, string action, OrderRequest request, OrderResult result);

    void OnCancelResult(string strategy, long timeMs, ManagedOrder order, CancelResult result);

    /// <summary>
    /// A fill the venue reported, once per tid per run, and how the ledger booked it (<see cref="FillBooking.Historical"/>:
    /// it predates the position the strategy adopted at start, so it is recorded but not booked).
    /// </summary>
    void OnFill(string strategy, Fill fill, FillBooking booking);

    /// <summary>
    /// A ledger entry other than a fill: the opening, a new mid, a position adopted without a fill. With the fills'
    /// bookings these are everything needed to replay the strategy's ledger (journal, report, dashboard).
    /// </summary>
    void OnLedger(string strategy, LedgerEntry entry);

    void OnStatus(StrategyStatus status);

    /// <summary>Notable things in words: start, reconcile, halt, resync, rejections. Level: info, warn or error.</summary>
    void OnNote(string strategy, long timeMs, string level, string message);
}
