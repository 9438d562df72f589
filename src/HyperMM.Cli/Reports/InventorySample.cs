namespace HyperMM.Cli.Reports;

/// <summary>Our position (coin units, signed) at a time, with the cap on its absolute value then.</summary>
public sealed record InventorySample(long TimeMs, decimal Position, decimal Cap);
