namespace HyperMM.Core.Trading;

/// <summary>Our fills. <see cref="IsSnapshot"/>: the first message after (re)subscribing, which repeats known fills.</summary>
public sealed record FillsEvent(IReadOnlyList<Fill> Fills, bool IsSnapshot, long ReceivedMs) : ExchangeEvent(ReceivedMs);
