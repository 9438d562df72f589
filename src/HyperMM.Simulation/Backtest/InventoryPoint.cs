namespace HyperMM.Simulation.Backtest;

/// <summary>The position after a change (first point: the start).</summary>
public readonly record struct InventoryPoint(long TimeMs, decimal Position);
