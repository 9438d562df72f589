using HyperMM.Core.Strategy;

namespace HyperMM.Cli.Hosting;

/// <summary>One strategy of a run as the console reads it at one moment (<see cref="StrategySlot.Snapshot"/>).</summary>
public sealed record SlotSnapshot(string Name, string Coin, StrategyStatus? Status, string? Error, int? OrdersLeft);
