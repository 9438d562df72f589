using HyperMM.Cli.Output;

namespace HyperMM.Cli.Reports;

/// <summary>A strategy's data with its ledger figures (total and per part) and the cumulative PnL path from the replay.</summary>
public sealed record StrategyReport(StrategyReportData Data, StrategyFigures Figures, IReadOnlyList<PnlPoint> Pnl);
