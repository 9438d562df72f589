using HyperMM.Core.Accounting;
using HyperMM.Core.Model;
using HyperMM.Core.Trading;

namespace HyperMM.Core.Strategy;

/// <summary>
/// What every part of one strategy's loop uses and none owns: the strategy's parameters and options, the venue, the
/// clock, the observer, and the runner's progress counter. Immutable; the parts keep their own state.
/// </summary>
public sealed class LoopServices
{
    private readonly Action _markProgress;

    public LoopServices(StrategyParameters parameters, IExchange exchange, TimeProvider time, IStrategyObserver observer, StrategyRunnerOptions options, Action markProgress)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(exchange);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(observer);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(markProgress);
        Parameters = parameters;
        Exchange = exchange;
        Time = time;
        Observer = observer;
        Options = options;
        Ours = new OwnOrders(parameters.Name);
        _markProgress = markProgress;
    }

    public StrategyParameters Parameters { get; }

    public IExchange Exchange { get; }

    public TimeProvider Time { get; }

    public IStrategyObserver Observer { get; }

    public StrategyRunnerOptions Options { get; }

    /// <summary>The one rule for "this order is ours": the strategy's cloid tag.</summary>
    public OwnOrders Ours { get; }

    public string Name => Parameters.Name;

    public long NowMs => Time.GetUtcNow().ToUnixTimeMilliseconds();

    public void MarkProgress() => _markProgress();

    public void Note(string level, string message) => Observer.OnNote(Name, NowMs, level, message);

    /// <summary>Reports a ledger entry (mark, adjustment) the maker booked, if any.</summary>
    public void Book(LedgerEntry? entry)
    {
        if (entry is not null)
        {
            Observer.OnLedger(Name, entry);
        }
    }

    /// <summary>Applies a fill once (the maker de-duplicates by tid) and reports it; the outcome, null when not new to this run.</summary>
    public FillOutcome? ApplyFill(MarketMaker maker, Fill fill, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(maker);
        var outcome = maker.OnFill(fill, nowMs, out var booking);
        if (booking is null)
        {
            return null;
        }

        Observer.OnFill(Name, fill, booking);
        return outcome;
    }
}
