using HyperMM.Core.Primitives;

namespace HyperMM.Simulation.Backtest;

/// <summary>One of the strategy's fills in a backtest. <see cref="Fee"/> is positive for a cost.</summary>
public sealed record BacktestFill(long TimeMs, Side Side, decimal Price, decimal Size, decimal Fee, bool Maker, decimal PositionAfter, decimal MidAtFill);
