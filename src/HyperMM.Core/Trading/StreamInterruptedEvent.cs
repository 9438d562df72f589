namespace HyperMM.Core.Trading;

/// <summary>
/// The push stream was lost: anything may have happened meanwhile. The loop stops quoting, and resynchronises
/// over REST (fills, position, open orders) when <see cref="StreamRestoredEvent"/> arrives.
/// </summary>
public sealed record StreamInterruptedEvent(string Reason, long ReceivedMs) : ExchangeEvent(ReceivedMs);
