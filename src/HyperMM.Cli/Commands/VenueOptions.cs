using System.CommandLine;
using HyperMM.Cli.Config;
using HyperMM.Cli.Failures;
using HyperMM.Cli.Hosting;

namespace HyperMM.Cli.Commands;

/// <summary>
/// The options every venue-facing command shares (run, doctor, cancel-all, record, watchdog): which strategies,
/// which network, and for the local exchange where it runs and where its rehearsal keys are.
/// </summary>
public sealed class VenueOptions
{
    public Option<string?> Config { get; } = CommonOptions.Config();

    private string ConfigFile(ParseResult parse) => StrategyConfigLoader.ResolvePath(parse.GetValue(Config));

    public Option<string?> Strategy { get; } = new("--strategy") { Description = "Only this strategy (default: all in the config)." };

    public Option<string> Network { get; } = new("--network")
    {
        Description = "local (the embedded exchange with rehearsal keys; the default), testnet or mainnet (keys from each strategy's key_env).",
        DefaultValueFactory = _ => "local",
    };

    public Option<bool> ConfirmMainnet { get; } = new(VenueArguments.ConfirmMainnetFlag) { Description = "Required with --network mainnet." };

    public Option<string?> ExchangeUrl { get; } = new("--exchange-url") { Description = "With --network local: a running 'hypermm exchange' (http://127.0.0.1:PORT) instead of an embedded one." };

    public Option<string?> KeysFile { get; } = new("--keys-file") { Description = "With --exchange-url: the rehearsal keys file written by 'hypermm exchange --keys-file'." };

    public VenueOptions() => Network.AcceptOnlyFromAmong("local", "testnet", "mainnet");

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in new Option[] { Config, Strategy, Network, ConfirmMainnet, ExchangeUrl, KeysFile })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Validated settings with the venue parts filled in; the caller adds its own.</summary>
    public RunSettings Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var network = parse.GetValue(Network)!;
        if (network == "mainnet" && !parse.GetValue(ConfirmMainnet))
        {
            throw new UsageException($"--network mainnet trades real money: add {VenueArguments.ConfirmMainnetFlag} to confirm");
        }

        Uri? url = null;
        if (parse.GetValue(ExchangeUrl) is { } text)
        {
            if (network != "local")
            {
                throw new UsageException("--exchange-url: only with --network local (testnet and mainnet have fixed addresses)");
            }

            if (!Uri.TryCreate(text, UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                throw new UsageException($"--exchange-url: '{text}' is not an http(s) URL");
            }
        }

        var keys = parse.GetValue(KeysFile);
        if (keys is not null && url is null)
        {
            throw new UsageException("--keys-file: only together with --exchange-url");
        }

        if (keys is not null && !File.Exists(keys))
        {
            throw new UsageException($"--keys-file: '{keys}' does not exist");
        }

        return new RunSettings
        {
            Network = network,
            Strategies = CommonOptions.LoadStrategies(parse.GetValue(Config), parse.GetValue(Strategy)),
            ExchangeUrl = url,
            KeysFile = keys is null ? null : Path.GetFullPath(keys),
            ConfigPath = Path.GetFullPath(ConfigFile(parse)),
            StrategyFilter = parse.GetValue(Strategy),
        };
    }

    /// <summary>
    /// Commands that act on a venue somebody else runs (doctor, cancel-all, watchdog) refuse the embedded exchange:
    /// a fresh one would hold nothing but new, empty accounts.
    /// </summary>
    public static void RequireOutsideVenue(RunSettings settings, string command)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Network == "local" && settings.ExchangeUrl is null)
        {
            throw new UsageException($"{command} needs a venue: --network testnet, --network mainnet, or --network local with --exchange-url of a running 'hypermm exchange' (the embedded exchange only lives inside 'hypermm run')");
        }
    }
}
