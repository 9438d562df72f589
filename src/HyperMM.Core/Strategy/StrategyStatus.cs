using HyperMM.Core.Model;

namespace HyperMM.Core.Strategy;

/// <summary>An immutable snapshot of one strategy for the console table, the dashboard and the journal.</summary>
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
    long Fills,
    decimal Volume,
    decimal RealizedPnl,
    decimal UnrealizedPnl,
    decimal Fees,
    long RequestsSent,
    string? LastError);
