namespace HyperMM.Simulation.Backtest;

/// <summary>The strategy's quote at one requote decision (0 price/size where a side is not quoted).</summary>
public readonly record struct QuotePoint(long TimeMs, decimal Mid, decimal Bid, decimal BidSize, decimal Ask, decimal AskSize, double SpreadBps, int PressureStage);
