namespace HyperMM.Cli.Dashboard;

/// <summary>One point of a time series (Unix ms, value).</summary>
public sealed record DashboardValuePoint(long T, decimal V);
