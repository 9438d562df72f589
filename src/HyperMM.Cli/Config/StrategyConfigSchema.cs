using HyperMM.Core.Model;

namespace HyperMM.Cli.Config;

/// <summary>
/// Every key a strategy (or the <c>defaults</c> block) may set: the one table the loader, the error messages and
/// docs/MODEL.md agree on. Keys without <c>Required</c> carry their default here (also shown in config/strategies.yaml).
/// </summary>
public static class StrategyConfigSchema
{
    public static IReadOnlyList<ConfigKey> Keys { get; } =
    [
        new("coin", ConfigKind.Coin, "perp coin as named in the venue's meta", Required: true),
        new("mm_order_size", ConfigKind.Quantity, "base quote size, coin units", Required: true, Min: 0, Max: 1_000_000, MinExclusive: true),
        new("mm_max_abs_position", ConfigKind.Quantity, "cap on |position|, coin units, counting resting orders", Required: true, Min: 0, Max: 10_000_000, MinExclusive: true),
        new("gamma", ConfigKind.Number, "risk aversion", Required: true, Min: 0, Max: 10, MinExclusive: true),
        new("kappa", ConfigKind.Number, "order-arrival decay", Required: true, Min: 0, Max: 1_000, MinExclusive: true),
        new("min_spread_bps", ConfigKind.Number, "lower spread bound, bps of mid", Required: true, Min: 0, Max: 2_000, MinExclusive: true),
        new("max_spread_bps", ConfigKind.Number, "upper spread bound, bps of mid", Required: true, Min: 0, Max: 2_000, MinExclusive: true),
        new("mm_target_fill_seconds", ConfigKind.Number, "seconds without a fill before fill pressure", Min: 1, Max: 86_400, Default: 30.0),
        new("cycle_interval_seconds", ConfigKind.Number, "minimum seconds between requotes", Min: 0.05, Max: 3_600, Default: 1.0),
        new("vol_sample_interval_seconds", ConfigKind.Number, "mid sampling interval for volatility", Min: 0.1, Max: 60, Default: 1.0),
        new("vol_window_samples", ConfigKind.WholeNumber, "volatility rolling window, samples", Min: 10, Max: 100_000, Default: 300),
        new("vol_horizon_seconds", ConfigKind.Number, "horizon h of sigma2_h", Min: 0, Max: 86_400, MinExclusive: true, Default: 60.0),
        new("vol_prior_bps_1s", ConfigKind.Number, "prior std of a 1-second log return, bps", Required: true, Min: 0, Max: 1_000, MinExclusive: true),
        new("vol_prior_weight_samples", ConfigKind.Number, "samples the prior counts as", Min: 0, Max: 100_000, MinExclusive: true, Default: 60.0),
        new("size_skew", ConfigKind.Number, "size skew strength eta", Min: 0, Max: 5, Default: 1.0),
        new("pressure_step_seconds", ConfigKind.Number, "seconds per fill-pressure stage", Min: 0, Max: 3_600, MinExclusive: true, Default: 10.0),
        new("pressure_tighten_per_step", ConfigKind.Number, "spread reduction per stage (fraction)", Min: 0, Max: 1, MaxExclusive: true, Default: 0.25),
        new("pressure_max_steps", ConfigKind.WholeNumber, "fill-pressure stages (0 disables)", Min: 0, Max: 20, Default: 3),
        new("pressure_min_spread_bps", ConfigKind.Number, "tightest spread under fill pressure, bps", Min: 0, Max: 2_000, MinExclusive: true, Default: 1.0),
        new("pressure_cross_min_inventory", ConfigKind.Number, "|q| from which the last stage may cross", Min: 0, Max: 1, Default: 0.25),
        new("requote_mode", ConfigKind.RequoteMode, "amend or replace", Default: RequoteMode.Amend),
        new("amend_price_tolerance_bps", ConfigKind.Number, "amend: price distance kept, bps", Min: 0, Max: 1_000, Default: 1.0),
        new("amend_size_tolerance", ConfigKind.Number, "amend: size shortfall kept (fraction)", Min: 0, Max: 1, MaxExclusive: true, Default: 0.25),
        new("stale_book_seconds", ConfigKind.Number, "book silence that pulls quotes, seconds", Min: 0, Max: 3_600, MinExclusive: true, Default: 10.0),
        new("max_loss_usd", ConfigKind.Quantity, "net PnL loss that halts the strategy, USD", Min: 0, Max: 100_000_000, MinExclusive: true, Default: 100m),
        new("max_notional_usd", ConfigKind.Quantity, "|position| x mid that halts the strategy, USD", Min: 0, Max: 1_000_000_000, MinExclusive: true, Default: 2_000m),
        new("leverage", ConfigKind.WholeNumber, "cross leverage set at start", Min: 1, Max: 100, Default: 5),
        new("key_env", ConfigKind.EnvironmentVariable, "environment variable holding the private key", Required: true),
        new("account", ConfigKind.OptionalAddress, "trading (master) address when the key is an API wallet"),
    ];

    private static readonly Dictionary<string, ConfigKey> ByName = Keys.ToDictionary(k => k.Name, StringComparer.Ordinal);

    public static ConfigKey? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The known key closest to a misspelt one (edit distance ≤ 3), for "did you mean".</summary>
    public static string? Suggest(string name)
    {
        string? best = null;
        var bestDistance = 4;
        foreach (var key in Keys)
        {
            var d = EditDistance(name, key.Name);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = key.Name;
            }
        }

        return best;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
