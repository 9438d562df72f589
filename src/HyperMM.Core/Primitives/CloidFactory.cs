namespace HyperMM.Core.Primitives;

/// <summary>
/// Makes client order ids that identify the strategy that sent them, so a restarted process (or a trader reading
/// <c>openOrders</c>) can tell its own orders from anyone else's on the same account (the rule that reads the tag back:
/// <see cref="Trading.OwnOrders"/>).
/// Layout (big-endian, 16 bytes): 4 bytes strategy tag (FNV-1a of the strategy name) | 4 bytes run id | 8 bytes sequence.
/// </summary>
public sealed class CloidFactory
{
    private readonly UInt128 _prefix;
    private ulong _sequence;

    public CloidFactory(string strategyName, uint runId)
    {
        Tag = TagOf(strategyName);
        RunId = runId;
        _prefix = ((UInt128)Tag << 96) | ((UInt128)runId << 64);
    }

    public uint Tag { get; }

    public uint RunId { get; }

    /// <summary>The 32-bit tag a strategy's cloids start with: FNV-1a over the UTF-16 code units of its name.</summary>
    public static uint TagOf(string strategyName)
    {
        ArgumentException.ThrowIfNullOrEmpty(strategyName);
        var hash = 2166136261u;
        foreach (var c in strategyName)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    public Cloid Next() => new(_prefix | Interlocked.Increment(ref _sequence));
}
