using HyperMM.Core.Accounting;
using HyperMM.Core.Primitives;

namespace HyperMM.Simulation.Backtest;

/// <summary>
/// Everything one strategy did in one backtest, as plain data (for reports and charts). <see cref="Figures"/> is
/// the ledger's, combined over <see cref="Segments"/> (one per stretch of data between gaps).
/// <see cref="ClientBugRejections"/> counts tick/lot/size rejections (must be 0).
/// </summary>
public sealed record BacktestResult(
    string Strategy,
    Coin Coin,
    long StartMs,
    long EndMs,
    long MarketEvents,
    LedgerFigures Figures,
    long ClientBugRejections,
    IReadOnlyList<BacktestSegment> Segments,
    IReadOnlyList<BacktestFill> Fills,
    IReadOnlyList<QuotePoint> Quotes,
    IReadOnlyList<InventoryPoint> Inventory,
    IReadOnlyList<string> Notes)
{
    public double DurationSeconds => (EndMs - StartMs) / 1000.0;

    /// <summary>Requotes that sent something, per minute of data.</summary>
    public double QuotesPerMinute => Figures.Counters.Requotes / Math.Max(1e-9, DurationSeconds / 60.0);
}
