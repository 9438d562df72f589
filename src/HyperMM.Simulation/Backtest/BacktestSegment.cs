using HyperMM.Core.Accounting;

namespace HyperMM.Simulation.Backtest;

/// <summary>
/// One stretch of data without a gap longer than <see cref="BacktestOptions.MaxGap"/>, run by a fresh strategy
/// from flat. <see cref="Window"/> is what its ledger booked (replaying it gives <see cref="Figures"/>).
/// A segment shorter than <see cref="BacktestOptions.MinSegment"/> is not run: <see cref="Skipped"/> says why.
/// </summary>
public sealed record BacktestSegment(int Number, long StartMs, long EndMs, long MarketEvents, LedgerFigures Figures, LedgerWindow Window, string? Skipped = null)
{
    public double DurationSeconds => (EndMs - StartMs) / 1000.0;
}
