using HyperMM.Core.Trading;

namespace HyperMM.Cli.Journal;

/// <summary>A fill as the journal holds it, with the strategy's position after it, the mid it was booked at and whether that mid was stale.</summary>
public sealed record JournaledFill(string Strategy, string Account, Fill Fill, bool Historical, decimal PositionAfter, decimal MidAtFill, long RunId, bool MidStale = false);
