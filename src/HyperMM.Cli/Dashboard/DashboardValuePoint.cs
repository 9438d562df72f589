namespace HyperMM.Cli.Dashboard;

/// <summary>One point of a time series (Unix ms, value) and the part (run) it belongs to: lines break between parts.</summary>
public sealed record DashboardValuePoint(long T, decimal V, int P = 0);
