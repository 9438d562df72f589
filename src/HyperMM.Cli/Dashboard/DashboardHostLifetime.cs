using Microsoft.Extensions.Hosting;

namespace HyperMM.Cli.Dashboard;

/// <summary>
/// A host lifetime that ignores Ctrl-C: the dashboard runs inside commands (<c>hypermm run</c>,
/// <c>hypermm dashboard</c>) that handle the signal themselves and dispose the dashboard when they stop.
/// </summary>
internal sealed class DashboardHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
