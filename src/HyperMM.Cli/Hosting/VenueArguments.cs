namespace HyperMM.Cli.Hosting;

/// <summary>
/// A run's venue settings turned back into command-line arguments (the inverse of the venue options' parsing), so the
/// watchdog process reaches the same venue and strategies.
/// </summary>
public static class VenueArguments
{
    /// <summary>The flag that confirms trading real money on mainnet.</summary>
    public const string ConfirmMainnetFlag = "--i-understand-this-trades-real-money";

    /// <summary>The arguments that make another hypermm process (the watchdog) reach the same venue and strategies.</summary>
    public static IEnumerable<string> Of(RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        yield return "--network";
        yield return settings.Network;
        if (settings.Network == "mainnet")
        {
            yield return ConfirmMainnetFlag;
        }

        yield return "--config";
        yield return settings.ConfigPath;
        if (settings.StrategyFilter is { } one)
        {
            yield return "--strategy";
            yield return one;
        }

        if (settings.ExchangeUrl is { } url)
        {
            yield return "--exchange-url";
            yield return url.ToString();
        }

        if (settings.KeysFile is { } keys)
        {
            yield return "--keys-file";
            yield return keys;
        }
    }
}
