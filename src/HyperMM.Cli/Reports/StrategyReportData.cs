using HyperMM.Core.Accounting;

namespace HyperMM.Cli.Reports;

/// <summary>
/// One strategy's raw material for a report: its ledger per part (a journal run or a backtest segment; figures come
/// from replaying these), and the series for the charts, every one in time order (Unix milliseconds).
/// <see cref="Run"/> is what the JSON calls "run" (a run id, "all", or null for a backtest).
/// </summary>
public sealed record StrategyReportData(
    string Name,
    string Coin,
    object? Run,
    long FromMs,
    long ToMs,
    IReadOnlyList<LedgerWindow> Windows,
    IReadOnlyList<ReportFill> Fills,
    IReadOnlyList<QuoteSample> Quotes,
    IReadOnlyList<InventorySample> Inventory);
