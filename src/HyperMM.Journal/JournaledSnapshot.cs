namespace HyperMM.Journal;

/// <summary>A periodic status snapshot as the journal holds it, with the loop's cumulative counters of the run.</summary>
public sealed record JournaledSnapshot(long RunId, long TimeMs, string Coin, string Mode, decimal Position, decimal MaxAbsPosition, string? LastError,
    long Requests, long Requotes, long FillPressureMs, long InvalidBooks);
