namespace HyperMM.Core.Trading;

/// <summary>A status change of one of our orders. <see cref="Status"/> is the venue's raw status string.</summary>
public sealed record OrderUpdate(OpenOrder Order, OrderState State, string Status, long StatusTimeMs);
