using Microsoft.AspNetCore.Builder;

namespace HyperMM.Cli.Dashboard;

/// <summary>A running dashboard: where to point a browser, and how to stop it (dispose).</summary>
public sealed class DashboardHandle : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DashboardFeed _feed;
    private readonly CancellationTokenSource _requests;

    internal DashboardHandle(WebApplication app, DashboardFeed feed, CancellationTokenSource requests, Uri url)
    {
        _app = app;
        _feed = feed;
        _requests = requests;
        Url = url;
    }

    /// <summary>The page, e.g. http://127.0.0.1:5080/.</summary>
    public Uri Url { get; }

    public async ValueTask DisposeAsync()
    {
        await _requests.CancelAsync().ConfigureAwait(false); // ends the open event streams
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await _feed.DisposeAsync().ConfigureAwait(false);
        _requests.Dispose();
    }
}
