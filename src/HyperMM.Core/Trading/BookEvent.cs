using HyperMM.Core.Market;

namespace HyperMM.Core.Trading;

/// <summary>A new L2 snapshot of one coin.</summary>
public sealed record BookEvent(OrderBookSnapshot Book) : ExchangeEvent(Book.TimeMs);
