namespace HyperMM.Cli.Dashboard;

/// <summary>A quote decision for the price chart: time (Unix ms), mid, our bid and ask, and the part (run) it belongs to (lines break between parts).</summary>
public sealed record DashboardQuotePoint(long T, decimal Mid, decimal Bid, decimal Ask, int P = 0);
