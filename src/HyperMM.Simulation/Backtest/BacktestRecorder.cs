using HyperMM.Core.Model;
using HyperMM.Core.Strategy;
using HyperMM.Core.Trading;

namespace HyperMM.Simulation.Backtest;

/// <summary>Collects quotes, fills, inventory and rejections from the strategy loop's observer calls.</summary>
internal sealed class BacktestRecorder : IStrategyObserver
{
    public List<QuotePoint> Quotes { get; } = [];

    public List<BacktestFill> Fills { get; } = [];

    public List<InventoryPoint> Inventory { get; } = [];

    public List<string> Notes { get; } = [];

    public long Rejections { get; private set; }

    public long ClientBugRejections { get; private set; }

    public SortedDictionary<string, long> RejectionsByReason { get; } = new(StringComparer.Ordinal);

    public void OnQuote(string strategy, long timeMs, QuoteResult quote, RequotePlan plan) =>
        Quotes.Add(new QuotePoint(timeMs, quote.Mid,
            quote.Bid.IsQuoted ? quote.Bid.Price : 0m, quote.Bid.IsQuoted ? quote.Bid.Size : 0m,
            quote.Ask.IsQuoted ? quote.Ask.Price : 0m, quote.Ask.IsQuoted ? quote.Ask.Size : 0m,
            quote.SpreadBps, quote.PressureStage));

    public void OnOrderResult(string strategy, long timeMs, string action, OrderRequest request, OrderResult result)
    {
        if (result.IsAccepted)
        {
            return;
        }

        Rejections++;
        var key = result.Reason.ToString();
        RejectionsByReason[key] = RejectionsByReason.GetValueOrDefault(key) + 1;
        if (result.Reason.IsClientBug())
        {
            ClientBugRejections++;
            Notes.Add(FormattableString.Invariant($"{timeMs} client-bug rejection {result.Reason}: {request.Side} {request.Size} @ {request.Price}: {result.Message}"));
        }
    }

    public void OnCancelResult(string strategy, long timeMs, ManagedOrder order, CancelResult result)
    {
    }

    public void OnFill(string strategy, Fill fill, bool historical, decimal positionAfter, decimal midAtFill)
    {
        Fills.Add(new BacktestFill(fill.TimeMs, fill.Side, fill.Price, fill.Size, fill.Fee, !fill.Crossed, positionAfter, midAtFill));
        Inventory.Add(new InventoryPoint(fill.TimeMs, positionAfter));
    }

    public void OnStatus(StrategyStatus status)
    {
    }

    public void OnNote(string strategy, long timeMs, string level, string message)
    {
        if (level is "warn" or "error")
        {
            Notes.Add(FormattableString.Invariant($"{timeMs} {level}: {message}"));
        }
    }
}
