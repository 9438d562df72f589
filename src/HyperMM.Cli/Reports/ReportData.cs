namespace HyperMM.Cli.Reports;

/// <summary>
/// What a report is drawn from: one entry per strategy, in a neutral form that a journal
/// (<see cref="JournalReportSource"/>) and a backtest (<see cref="BacktestReportSource"/>) both fill. Nothing here
/// knows about SQLite. <see cref="RunLabel"/> says which run(s) or data it covers; <see cref="Source"/> is "journal"
/// or "backtest" and <see cref="Location"/> the journal file or the data path.
/// </summary>
public sealed record ReportData(string Title, string RunLabel, string Source, string Location, IReadOnlyList<StrategyReportData> Strategies);
