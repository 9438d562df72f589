namespace HyperMM.Journal;

/// <summary>One run in the journal: id, start and end (null while running or after a crash), network, mode, strategies, config hash.</summary>
public sealed record JournalRun(long RunId, long StartedMs, long? EndedMs, string Network, string Mode, IReadOnlyList<string> Strategies, string? ConfigHash, string? EndReason)
{
    /// <summary>"run 3 (local, started 2026-01-02 10:00:00 UTC, config 1a2b…)".</summary>
    public string Describe() =>
        $"run {RunId} ({Network}{(Mode == "live" ? string.Empty : ", " + Mode)}, started {DateTimeOffset.FromUnixTimeMilliseconds(StartedMs):yyyy-MM-dd HH:mm:ss} UTC"
        + (EndedMs is { } end ? $", ended {DateTimeOffset.FromUnixTimeMilliseconds(end):yyyy-MM-dd HH:mm:ss} UTC" : ", not ended")
        + (ConfigHash is null ? string.Empty : ", config " + ConfigHash) + ")";
}
