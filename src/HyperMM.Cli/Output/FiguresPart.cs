using HyperMM.Core.Accounting;

namespace HyperMM.Cli.Output;

/// <summary>One part of a strategy's figures: a backtest segment or a journal run (<see cref="Skipped"/>: not run, and why).</summary>
public sealed record FiguresPart(string Label, long StartMs, long EndMs, LedgerFigures Figures, string? Skipped = null);
