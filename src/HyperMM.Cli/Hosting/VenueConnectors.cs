using HyperMM.Cli.Failures;
using HyperMM.Hyperliquid.Accounts;
using HyperMM.LocalExchange;
using Microsoft.Extensions.Logging;

namespace HyperMM.Cli.Hosting;

/// <summary>Picks the venue connector for <see cref="RunSettings.Network"/>.</summary>
public static class VenueConnectors
{
    public static async Task<IVenueConnector> CreateAsync(RunSettings settings, ILoggerFactory loggers, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        var time = TimeProvider.System;
        void Notice(string line) => output.WriteLine(line);
        switch (settings.Network)
        {
            case "testnet":
                return new HyperliquidConnector("testnet", HyperliquidEndpoint.Testnet, new EnvironmentKeys(), loggers, time, Notice);
            case "mainnet":
                return new HyperliquidConnector("mainnet", HyperliquidEndpoint.Mainnet, new EnvironmentKeys(), loggers, time, Notice);
            case "local" when settings.ExchangeUrl is { } url:
                return new HyperliquidConnector("local " + url, HyperliquidEndpoint.Custom(url, isMainnet: false), KeysFor(settings)!, loggers, time, Notice);
            case "local":
                var options = new LocalExchangeOptions { Faults = LocalFaultSpec.Parse(settings.LocalExchangeArguments) };
                var local = await LocalVenueConnector.StartAsync(options, loggers, time, cancellationToken, Notice).ConfigureAwait(false);
                await output.WriteLineAsync($"local exchange: {local.Exchange.BaseUrl} (testnet signatures; rehearsal accounts funded with {LocalVenueConnector.RehearsalUsdc:0} USDC)").ConfigureAwait(false);
                return local;
            default:
                throw new VenueSetupException($"unknown network '{settings.Network}'");
        }
    }

    /// <summary>Where the strategies' keys come from for these settings; null for the embedded exchange (it makes its own).</summary>
    public static IStrategyKeys? KeysFor(RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings switch
        {
            { Network: "testnet" or "mainnet" } => new EnvironmentKeys(),
            { Network: "local", ExchangeUrl: not null, KeysFile: { } file } => RehearsalKeys.Load(file),
            { Network: "local", ExchangeUrl: not null } => new EnvironmentKeys(),
            _ => null,
        };
    }

    /// <summary>
    /// Which venue the accounts live on, for account leases: "testnet", "mainnet", or the outside local exchange's
    /// host and port. Null for the embedded exchange (fresh accounts every run).
    /// </summary>
    public static string? VenueIdentity(RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings switch
        {
            { Network: "testnet" or "mainnet" } => settings.Network,
            { Network: "local", ExchangeUrl: { } url } => $"local-{url.Host}-{url.Port}",
            _ => null,
        };
    }
}
