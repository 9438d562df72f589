using System.Net;
using System.Reflection;
using HyperMM.Journal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace HyperMM.Cli.Dashboard;

/// <summary>
/// The live dashboard: Kestrel on 127.0.0.1 serving one page (HTML/JS/CSS embedded in this assembly, nothing from
/// the network) and <c>/events</c>, a server-sent-event stream that pushes the whole <see cref="DashboardState"/>
/// whenever the journal changes. <c>/api/state</c> returns the same JSON once. With <see cref="RunMetrics"/> (a live
/// run), <c>/metrics</c> serves them in the Prometheus text format.
/// <para>
/// DNS-rebinding defence: a request whose Host header is not a loopback name (localhost, 127.0.0.1, [::1]) with
/// this server's port is answered 421 Misdirected Request, so a web page that points its own domain at 127.0.0.1
/// cannot read positions and PnL.
/// </para>
/// </summary>
public static class DashboardServer
{
    private static readonly (string Path, string Resource, string ContentType)[] Assets =
    [
        ("/", "dashboard/index.html", "text/html; charset=utf-8"),
        ("/app.js", "dashboard/app.js", "text/javascript; charset=utf-8"),
        ("/app.css", "dashboard/app.css", "text/css; charset=utf-8"),
    ];

    /// <summary>Starts serving <paramref name="dbPath"/> on 127.0.0.1:<paramref name="port"/> (0: any free port).</summary>
    public static Task<DashboardHandle> StartAsync(string dbPath, int port, CancellationToken cancellationToken) =>
        StartAsync(dbPath, port, TimeProvider.System, cancellationToken);

    /// <summary>As above, showing <paramref name="runs"/> (default: the newest run), and <c>/metrics</c> when <paramref name="metrics"/> is given.</summary>
    public static async Task<DashboardHandle> StartAsync(string dbPath, int port, TimeProvider time, CancellationToken cancellationToken, RunSelection? runs = null, RunMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(dbPath);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, DashboardHostLifetime>();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.Use(LoopbackHostOnlyAsync);
        var feed = new DashboardFeed(Path.GetFullPath(dbPath), time, runs);
        var requests = new CancellationTokenSource();
        foreach (var (path, resource, type) in Assets)
        {
            var bytes = Resource(resource);
            app.MapGet(path, () => Results.Bytes(bytes, type));
        }

        app.MapGet("/api/state", () => Results.Text(feed.CurrentJson, "application/json; charset=utf-8"));
        app.MapGet("/events", (HttpContext http) => StreamAsync(http, feed, time, requests.Token));
        if (metrics is not null)
        {
            app.MapMetrics("/metrics", metrics.Registry);
        }

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            await feed.DisposeAsync().ConfigureAwait(false);
            requests.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new DashboardHandle(app, feed, requests, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/"));
    }

    /// <summary>True for a Host header naming this server by a loopback name and its own port.</summary>
    public static bool IsLoopbackHost(HostString host, int localPort)
    {
        var name = host.Host;
        var port = host.Port ?? 80;
        return port == localPort && (string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase) || name is "127.0.0.1" or "[::1]");
    }

    private static Task LoopbackHostOnlyAsync(HttpContext http, RequestDelegate next)
    {
        if (IsLoopbackHost(http.Request.Host, http.Connection.LocalPort))
        {
            return next(http);
        }

        http.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
        return http.Response.WriteAsync("421 Misdirected Request: this dashboard answers only to localhost, 127.0.0.1 or [::1] with its port\n");
    }

    private static byte[] Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"dashboard asset {name} is not embedded in the assembly");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Sends the current state, then every newer one, as SSE "data:" lines until the client goes away.</summary>
    private static async Task StreamAsync(HttpContext http, DashboardFeed feed, TimeProvider time, CancellationToken serverStopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, serverStopping);
        var token = linked.Token;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        long sent = -1;
        try
        {
            while (!token.IsCancellationRequested)
            {
                var version = feed.Version;
                if (version != sent)
                {
                    sent = version;
                    await http.Response.WriteAsync("data: " + feed.CurrentJson + "\n\n", token).ConfigureAwait(false);
                    await http.Response.Body.FlushAsync(token).ConfigureAwait(false);
                }

                // Wake on a change, or after 15 s to send a comment that keeps proxies and the browser's timer happy.
                var change = feed.WaitForChangeAsync(sent, token);
                if (await Task.WhenAny(change, Task.Delay(TimeSpan.FromSeconds(15), time, token)).ConfigureAwait(false) != change)
                {
                    await http.Response.WriteAsync(": keep-alive\n\n", token).ConfigureAwait(false);
                    await http.Response.Body.FlushAsync(token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the browser closed the page, or the dashboard is stopping
        }
    }
}
