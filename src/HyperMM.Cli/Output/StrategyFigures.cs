using HyperMM.Core.Accounting;

namespace HyperMM.Cli.Output;

/// <summary>
/// A strategy's ledger figures as every output shows them (text table, CSV, JSON, HTML): the total over
/// <see cref="Parts"/>, which are backtest segments or journal runs (<see cref="PartsName"/>: "segments" or "runs").
/// <see cref="Run"/> is the journal run shown (a number, "all") or null for a backtest.
/// </summary>
public sealed record StrategyFigures(string Strategy, string Coin, object? Run, long StartMs, long EndMs, LedgerFigures Figures, string PartsName, IReadOnlyList<FiguresPart> Parts);
