namespace HyperMM.Cli.Dashboard;

/// <summary>Everything the dashboard page shows, as sent to the browser (JSON) on every change of the journal; <see cref="Run"/> says which run(s).</summary>
public sealed record DashboardState(long Version, string Journal, string? Problem, IReadOnlyList<DashboardStrategy> Strategies, IReadOnlyList<DashboardError> Errors, string? Run = null);
