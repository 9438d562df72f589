using HyperMM.Core.Accounting;
using HyperMM.Core.Model;
using HyperMM.Core.Trading;

namespace HyperMM.Core.Strategy;

/// <summary>Fans every callback out to several observers (journal, console, logs, dashboard), in order.</summary>
public sealed class CompositeStrategyObserver(params IStrategyObserver[] observers) : IStrategyObserver
{
    private readonly IStrategyObserver[] _observers = observers ?? [];

    public void OnQuote(string strategy, long timeMs, ModelQuote quote, RequotePlan plan)
    {
        foreach (var o in _observers)
        {
            o.OnQuote(strategy, timeMs, quote, plan);
        }
    }

    public void OnOrderResult(string strategy, long timeMs, string action, OrderRequest request, OrderResult result)
    {
        foreach (var o in _observers)
        {
            o.OnOrderResult(strategy, timeMs, action, request, result);
        }
    }

    public void OnCancelResult(string strategy, long timeMs, ManagedOrder order, CancelResult result)
    {
        foreach (var o in _observers)
        {
            o.OnCancelResult(strategy, timeMs, order, result);
        }
    }

    public void OnFill(string strategy, Fill fill, FillBooking booking)
    {
        foreach (var o in _observers)
        {
            o.OnFill(strategy, fill, booking);
        }
    }

    public void OnLedger(string strategy, LedgerEntry entry)
    {
        foreach (var o in _observers)
        {
            o.OnLedger(strategy, entry);
        }
    }

    public void OnStatus(StrategyStatus status)
    {
        foreach (var o in _observers)
        {
            o.OnStatus(status);
        }
    }

    public void OnNote(string strategy, long timeMs, string level, string message)
    {
        foreach (var o in _observers)
        {
            o.OnNote(strategy, timeMs, level, message);
        }
    }
}
