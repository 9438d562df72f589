namespace HyperMM.Core.Trading;

/// <summary>Status changes of our orders.</summary>
public sealed record OrderUpdatesEvent(IReadOnlyList<OrderUpdate> Updates, long ReceivedMs) : ExchangeEvent(ReceivedMs);
