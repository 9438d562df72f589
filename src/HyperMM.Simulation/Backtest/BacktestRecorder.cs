using HyperMM.Core.Accounting;
using HyperMM.Core.Model;
using HyperMM.Core.Primitives;
using HyperMM.Core.Strategy;
using HyperMM.Core.Trading;

namespace HyperMM.Simulation.Backtest;

/// <summary>Collects quotes, fills, ledger entries, inventory and client-bug rejections from the strategy loop's observer calls.</summary>
internal sealed class BacktestRecorder : IStrategyObserver
{
    public List<QuotePoint> Quotes { get; } = [];

    public List<BacktestFill> Fills { get; } = [];

    public List<InventoryPoint> Inventory { get; } = [];

    public List<LedgerEntry> Entries { get; } = [];

    public List<string> Notes { get; } = [];

    public long ClientBugRejections { get; private set; }

    /// <summary>The newest status (the final one once the strategy stopped).</summary>
    public StrategyStatus? LastStatus { get; private set; }

    public void OnQuote(string strategy, long timeMs, ModelQuote quote, RequotePlan plan)
    {
        ArgumentNullException.ThrowIfNull(quote);
        var bid = quote.Nearest(Side.Buy) is { IsQuoted: true } b ? b : default;
        var ask = quote.Nearest(Side.Sell) is { IsQuoted: true } a ? a : default;
        Quotes.Add(new QuotePoint(timeMs, quote.Mid, bid.Price, bid.Size, ask.Price, ask.Size, quote.SpreadBps, quote.Stage));
    }

    public void OnOrderResult(string strategy, long timeMs, string action, OrderRequest request, OrderResult result)
    {
        if (!result.IsAccepted && result.Reason.IsClientBug())
        {
            ClientBugRejections++;
            Notes.Add(FormattableString.Invariant($"{timeMs} client-bug rejection {result.Reason}: {request.Side} {request.Size} @ {request.Price}: {result.Message}"));
        }
    }

    public void OnCancelResult(string strategy, long timeMs, ManagedOrder order, CancelResult result)
    {
    }

    public void OnFill(string strategy, Fill fill, FillBooking booking)
    {
        if (booking.Historical)
        {
            return;
        }

        Fills.Add(new BacktestFill(fill.TimeMs, fill.Side, fill.Price, fill.Size, fill.Fee, !fill.Crossed, booking.PositionAfter, booking.Mid, booking.MidStale));
        Entries.Add(booking.Entry(fill));
        Inventory.Add(new InventoryPoint(fill.TimeMs, booking.PositionAfter));
    }

    public void OnLedger(string strategy, LedgerEntry entry)
    {
        Entries.Add(entry);
        if (entry.Kind == LedgerEntryKind.Adjust)
        {
            Inventory.Add(new InventoryPoint(entry.TimeMs, entry.Position));
        }
    }

    public void OnStatus(StrategyStatus status) => LastStatus = status;

    public void OnNote(string strategy, long timeMs, string level, string message)
    {
        if (level is "warn" or "error")
        {
            Notes.Add(FormattableString.Invariant($"{timeMs} {level}: {message}"));
        }
    }
}
