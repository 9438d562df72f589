using HyperMM.Core.Primitives;

namespace HyperMM.Simulation.Backtest;

/// <summary>Everything one strategy did in one backtest, as plain data (for reports and charts).</summary>
public sealed record BacktestResult(
    string Strategy,
    Coin Coin,
    long StartMs,
    long EndMs,
    long MarketEvents,
    BacktestSummary Summary,
    IReadOnlyList<BacktestFill> Fills,
    IReadOnlyList<QuotePoint> Quotes,
    IReadOnlyList<InventoryPoint> Inventory,
    IReadOnlyList<string> Notes);
