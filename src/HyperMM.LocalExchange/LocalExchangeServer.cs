using System.Net;
using HyperMM.LocalExchange.Faults;
using HyperMM.LocalExchange.Http;
using HyperMM.LocalExchange.Market;
using HyperMM.LocalExchange.Ws;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HyperMM.LocalExchange;

/// <summary>
/// Starts the local exchange: Kestrel on 127.0.0.1 (any interface only when asked) serving POST /info,
/// POST /exchange and /ws, the outside market feed, and the fault injectors.
/// </summary>
public static class LocalExchangeServer
{
    public static async Task<LocalExchangeHandle> StartAsync(LocalExchangeOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Speed <= 0 || double.IsNaN(options.Speed) || double.IsInfinity(options.Speed))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Speed, "Speed must be a positive number.");
        }

        var factory = loggerFactory ?? NullLoggerFactory.Instance;
        var logger = factory.CreateLogger("HyperMM.LocalExchange");
        var source = MarketSources.Create(options);
        var faults = new FaultSwitches(options.Faults);
        var hub = new WsHub(new HashSet<string>(LocalMarkets.All.Select(s => s.Coin.Name), StringComparer.Ordinal), logger, options.WebSocketLimits, options.Time);
        var venue = new LocalVenue(options, hub, faults);
        hub.Backend = venue;

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(factory);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            if (options.ListenOnAllInterfaces)
            {
                k.Listen(IPAddress.Any, options.Port);
            }
            else
            {
                k.Listen(IPAddress.Loopback, options.Port);
            }
        });
        var app = builder.Build();
        HttpEndpoints.Map(app, venue, hub, faults, options.Time, logger);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        var baseUrl = new Uri($"http://127.0.0.1:{port}"); // loopback also reaches an any-interface listener
        var feed = new MarketFeed(venue, source, options.MarketStep, options.Speed, faults, logger);
        feed.StepOnce(); // a book on every coin before the first client arrives
        return new LocalExchangeHandle(app, venue, feed, faults, hub, baseUrl, logger);
    }
}
