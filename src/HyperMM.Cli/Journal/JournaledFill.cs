using HyperMM.Core.Trading;

namespace HyperMM.Cli.Journal;

/// <summary>A fill as the journal holds it, with the strategy's position after it and the mid when it arrived.</summary>
public sealed record JournaledFill(string Strategy, string Account, Fill Fill, bool Historical, decimal PositionAfter, decimal MidAtFill, long RunId);
