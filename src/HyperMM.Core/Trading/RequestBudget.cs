namespace HyperMM.Core.Trading;

/// <summary>The address-based action budget (Hyperliquid <c>userRateLimit</c>).</summary>
public readonly record struct RequestBudget(long Used, long Cap, decimal CumulativeVolumeUsd)
{
    public long Remaining => Math.Max(0, Cap - Used);
}
