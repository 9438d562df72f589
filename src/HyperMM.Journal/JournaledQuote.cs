namespace HyperMM.Journal;

/// <summary>A quote decision as the journal holds it: mid, the quoted bid and ask, the spread and the fill-pressure stage.</summary>
public sealed record JournaledQuote(long TimeMs, decimal Mid, decimal BidPrice, decimal AskPrice, double SpreadBps, long PressureStage);
