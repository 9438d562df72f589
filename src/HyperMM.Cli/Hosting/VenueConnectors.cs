using Microsoft.Extensions.Logging;

namespace HyperMM.Cli.Hosting;

/// <summary>Picks the venue connector for <see cref="RunSettings.Network"/>.</summary>
public static class VenueConnectors
{
    public static Task<IVenueConnector> CreateAsync(RunSettings settings, ILoggerFactory loggers, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        throw new VenueSetupException($"network '{settings.Network}' needs the Hyperliquid client and the local exchange, which this build does not contain yet");
    }
}
