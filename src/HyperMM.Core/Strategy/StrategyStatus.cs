using HyperMM.Core.Accounting;
using HyperMM.Core.Model;

namespace HyperMM.Core.Strategy;

/// <summary>
/// An immutable snapshot of one strategy for the console table, the dashboard and the journal. Every money figure
/// is the ledger's (<see cref="Figures"/>), as of <see cref="TimeMs"/>. <see cref="Budget"/> is the venue's address
/// budget as last read (null before the first check, and in dry runs); <see cref="Latency"/> the live tick-to-order
/// times (null before the first requote). <see cref="OpenBidSize"/>/<see cref="OpenAskSize"/>: the remaining size of
/// every order the strategy tracks on that side, resting or not yet settled (the journal's resting_bid/resting_ask).
/// </summary>
public sealed record StrategyStatus(
    string Name,
    string Coin,
    long TimeMs,
    StrategyMode Mode,
    ModelQuote? Quote,
    decimal Position,
    decimal MaxAbsPosition,
    decimal OpenBidSize,
    decimal OpenAskSize,
    LedgerFigures Figures,
    string? LastError,
    Trading.RequestBudget? Budget = null,
    TickToOrder? Latency = null);
