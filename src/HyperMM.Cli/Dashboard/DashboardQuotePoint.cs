namespace HyperMM.Cli.Dashboard;

/// <summary>A quote decision for the price chart: time (Unix ms), mid, our bid and ask.</summary>
public sealed record DashboardQuotePoint(long T, decimal Mid, decimal Bid, decimal Ask);
