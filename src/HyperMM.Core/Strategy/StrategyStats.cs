using HyperMM.Core.Accounting;

namespace HyperMM.Core.Strategy;

/// <summary>
/// What the loop counts beside fills and marks (the money is in <see cref="TradeLedger"/>); reported with the
/// ledger's figures as <see cref="LedgerCounters"/>.
/// </summary>
public sealed class StrategyStats
{
    private readonly SortedDictionary<string, long> _rejections = new(StringComparer.Ordinal);

    /// <summary>Actions sent to the venue, counted as the address budget counts them (a batch of n is n).</summary>
    public long RequestsSent { get; set; }

    /// <summary>Requotes that sent at least one action.</summary>
    public long Requotes { get; set; }

    /// <summary>Orders sent (new orders and modifies).</summary>
    public long OrdersPlaced { get; set; }

    /// <summary>Quotes computed (including those that needed no action).</summary>
    public long QuotesComputed { get; set; }

    public long FillPressureMs { get; set; }

    /// <summary>Books that were locked, crossed or one-sided (the last valid mid was kept).</summary>
    public long InvalidBooks { get; set; }

    /// <summary>Cycles that threw (each one noted with its message); the strategy halts after a few in a row.</summary>
    public long FailedCycles { get; set; }

    public long Rejections { get; private set; }

    public IReadOnlyDictionary<string, long> RejectionsByReason => _rejections;

    public void CountRejection(Trading.RejectReason reason)
    {
        Rejections++;
        var key = reason.ToString();
        _rejections[key] = _rejections.GetValueOrDefault(key) + 1;
    }

    public LedgerCounters ToCounters() =>
        new(RequestsSent, Requotes, OrdersPlaced, FillPressureMs, InvalidBooks, new SortedDictionary<string, long>(_rejections, StringComparer.Ordinal));
}
