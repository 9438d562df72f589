namespace HyperMM.Cli.Dashboard;

/// <summary>A recent problem: a warning/error note or a rejected order, newest first on the page.</summary>
public sealed record DashboardError(long T, string Strategy, string Source, string Message);
