namespace HyperMM.Core.Trading;

/// <summary>The push stream is back and resubscribed.</summary>
public sealed record StreamRestoredEvent(long ReceivedMs) : ExchangeEvent(ReceivedMs);
