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
                IStrategyKeys keys = settings.KeysFile is { } file ? RehearsalKeys.Load(file) : new EnvironmentKeys();
                return new HyperliquidConnector("local " + url, HyperliquidEndpoint.Custom(url, isMainnet: false), keys, loggers, time, Notice);
            case "local":
                var options = new LocalExchangeOptions { Faults = LocalFaultSpec.Parse(settings.LocalExchangeArguments) };
                var local = await LocalVenueConnector.StartAsync(options, loggers, time, cancellationToken, Notice).ConfigureAwait(false);
                await output.WriteLineAsync($"local exchange: {local.Exchange.BaseUrl} (testnet signatures; rehearsal accounts funded with {LocalVenueConnector.RehearsalUsdc:0} USDC)").ConfigureAwait(false);
                return local;
            default:
                throw new VenueSetupException($"unknown network '{settings.Network}'");
        }
    }
}
