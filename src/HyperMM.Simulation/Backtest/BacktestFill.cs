using HyperMM.Core.Primitives;

namespace HyperMM.Simulation.Backtest;

/// <summary>One of the strategy's fills in a backtest. <see cref="Fee"/> is positive for a cost; <see cref="MidAtFill"/> is the ledger's mid (stale when <see cref="MidStale"/>).</summary>
public sealed record BacktestFill(long TimeMs, Side Side, decimal Price, decimal Size, decimal Fee, bool Maker, decimal PositionAfter, decimal MidAtFill, bool MidStale = false);
