using HyperMM.Core.Market;

namespace HyperMM.LocalExchange.Market;

/// <summary>One outside-market event for the venue: a full book snapshot or a trade print.</summary>
public readonly record struct MarketEvent(OrderBookSnapshot? Book, Trade? Trade);
