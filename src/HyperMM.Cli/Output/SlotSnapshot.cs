using HyperMM.Core.Strategy;

namespace HyperMM.Cli.Output;

/// <summary>One strategy of a run as the console reads it at one moment (what the host reads from each strategy slot).</summary>
public sealed record SlotSnapshot(string Name, string Coin, StrategyStatus? Status, string? Error, int? OrdersLeft);
