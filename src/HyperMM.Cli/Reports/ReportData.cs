namespace HyperMM.Cli.Reports;

/// <summary>
/// What a report is drawn from: one entry per strategy, in a neutral form that a live journal
/// (<see cref="JournalReportSource"/>) and a backtest result can both fill. Nothing here knows about SQLite.
/// </summary>
public sealed record ReportData(string Title, string RunLabel, IReadOnlyList<StrategyReportData> Strategies);
