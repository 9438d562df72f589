using HyperMM.Core.Accounting;
using HyperMM.Core.Model;

namespace HyperMM.Core.Strategy;

/// <summary>
/// An immutable snapshot of one strategy for the console table, the dashboard and the journal. Every money figure
/// is the ledger's (<see cref="Figures"/>), as of <see cref="TimeMs"/>.
/// </summary>
public sealed record StrategyStatus(
    string Name,
    string Coin,
    long TimeMs,
    StrategyMode Mode,
    QuoteResult? Quote,
    decimal Position,
    decimal MaxAbsPosition,
    decimal RestingBidSize,
    decimal RestingAskSize,
    LedgerFigures Figures,
    string? LastError);
