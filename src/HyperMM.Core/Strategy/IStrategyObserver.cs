using HyperMM.Core.Model;
using HyperMM.Core.Trading;

namespace HyperMM.Core.Strategy;

/// <summary>
/// Everything the loop does, for the journal, the console, the dashboard and backtest metrics. Called on the
/// strategy's own task; implementations must be quick and must not throw.
/// </summary>
public interface IStrategyObserver
{
    void OnQuote(string strategy, long timeMs, QuoteResult quote, RequotePlan plan);

    void OnOrderResult(string strategy, long timeMs, string action, OrderRequest request, OrderResult result);

    void OnCancelResult(string strategy, long timeMs, ManagedOrder order, CancelResult result);

    /// <summary>
    /// A fill the venue reported, once per tid per run. <paramref name="historical"/>: it predates the position the
    /// strategy adopted at start (already in that position), so it is recorded but not applied.
    /// </summary>
    void OnFill(string strategy, Fill fill, bool historical, decimal positionAfter, decimal midAtFill);

    void OnStatus(StrategyStatus status);

    /// <summary>Notable things in words: start, reconcile, halt, resync, rejections. Level: info, warn or error.</summary>
    void OnNote(string strategy, long timeMs, string level, string message);
}
