using HyperMM.Core.Market;

namespace HyperMM.Core.Trading;

/// <summary>Public trade prints.</summary>
public sealed record TradesEvent(IReadOnlyList<Trade> Trades, long ReceivedMs) : ExchangeEvent(ReceivedMs);
