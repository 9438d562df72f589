using HyperMM.Core.Accounting;
using HyperMM.Core.Model;
using HyperMM.Core.Trading;

namespace HyperMM.Core.Strategy;

public sealed class NullStrategyObserver : IStrategyObserver
{
    public static NullStrategyObserver Instance { get; } = new();

    public void OnQuote(string strategy, long timeMs, ModelQuote quote, RequotePlan plan)
    {
    }

    public void OnOrderResult(string strategy, long timeMs, string action, OrderRequest request, OrderResult result)
    {
    }

    public void OnCancelResult(string strategy, long timeMs, ManagedOrder order, CancelResult result)
    {
    }

    public void OnFill(string strategy, Fill fill, FillBooking booking)
    {
    }

    public void OnLedger(string strategy, LedgerEntry entry)
    {
    }

    public void OnStatus(StrategyStatus status)
    {
    }

    public void OnNote(string strategy, long timeMs, string level, string message)
    {
    }
}
