namespace HyperMM.Cli.Dashboard;

/// <summary>A fill for the price chart and the recent-fills list. Side is "B" (buy) or "A" (sell), as the venue writes it.</summary>
public sealed record DashboardFillPoint(long T, long Tid, string Side, decimal Px, decimal Sz, decimal Fee);
