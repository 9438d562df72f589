namespace HyperMM.Cli.Reports;

/// <summary>A strategy's data with the numbers and the cumulative PnL path computed from it.</summary>
public sealed record StrategyReport(StrategyReportData Data, StrategyMetrics Metrics, IReadOnlyList<PnlPoint> Pnl);
