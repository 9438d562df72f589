namespace HyperMM.Core.Model;

/// <summary>
/// The keys every strategy has whatever its quoting model: coin, sizes and cap, cycle, volatility, requoting, risk
/// limits, key and account. Each key's type, range and default are written here once; the model's own keys live in
/// its schema (<see cref="QuotingModelDefinition.Schema"/>). The YAML loader, <c>--sweep</c>, docs/MODEL.md and
/// <see cref="StrategyParameters"/>'s initial values all read this table.
/// </summary>
public static class CommonParameters
{
    public const string ModelKey = "model";

    public static ParameterSchema Schema { get; } = new(
    [
        new("coin", ParameterKind.Coin, "perp coin as named in the venue's meta", Required: true),
        new(ModelKey, ParameterKind.Model, "the quoting model (its own keys: docs/MODEL.md)", Default: AvellanedaStoikovModel.ModelName),
        new(FairValue.Key, ParameterKind.FairValue, "the centre every model quotes around: the mid, or Stoikov's micro-price (needs microprice_g_ticks)", Default: FairValue.MidName),
        new(FairValue.TableKey, ParameterKind.NumberTable, "micro-price adjustment G*(I, S) in ticks: rows by spread (1, 2, ... ticks), columns by imbalance bucket (hypermm calibrate)"),
        new("mm_order_size", ParameterKind.Quantity, "base quote size, coin units", Required: true, Min: 0, Max: 1_000_000, MinExclusive: true),
        new("mm_max_abs_position", ParameterKind.Quantity, "cap on |position|, coin units, counting resting orders", Required: true, Min: 0, Max: 10_000_000, MinExclusive: true),
        new("cycle_interval_seconds", ParameterKind.Number, "minimum seconds between requotes", Min: 0.05, Max: 3_600, Default: 1.0),
        new("vol_sample_interval_seconds", ParameterKind.Number, "mid sampling interval for volatility", Min: 0.1, Max: 60, Default: 1.0),
        new("vol_window_samples", ParameterKind.WholeNumber, "volatility rolling window, samples", Min: 10, Max: 100_000, Default: 300),
        new("vol_horizon_seconds", ParameterKind.Number, "horizon h of sigma2_h", Min: 0, Max: 86_400, MinExclusive: true, Default: 60.0),
        new("vol_prior_bps_1s", ParameterKind.Number, "prior std of a 1-second log return, bps", Required: true, Min: 0, Max: 1_000, MinExclusive: true),
        new("vol_prior_weight_samples", ParameterKind.Number, "samples the prior counts as", Min: 0, Max: 100_000, MinExclusive: true, Default: 60.0),
        new("requote_mode", ParameterKind.RequoteMode, "amend or replace", Default: RequoteMode.Amend),
        new("amend_price_tolerance_bps", ParameterKind.Number, "amend: price distance kept, bps", Min: 0, Max: 1_000, Default: 1.0),
        new("amend_size_tolerance", ParameterKind.Number, "amend: size shortfall kept (fraction)", Min: 0, Max: 1, MaxExclusive: true, Default: 0.25),
        new("stale_book_seconds", ParameterKind.Number, "book silence that pulls quotes, seconds", Min: 0, Max: 3_600, MinExclusive: true, Default: 10.0),
        new("max_loss_usd", ParameterKind.Quantity, "net PnL loss that halts the strategy, USD", Min: 0, Max: 100_000_000, MinExclusive: true, Default: 100m),
        new("max_notional_usd", ParameterKind.Quantity, "|position| x mid that halts the strategy, USD", Min: 0, Max: 1_000_000_000, MinExclusive: true, Default: 2_000m),
        new("leverage", ParameterKind.WholeNumber, "cross leverage set at start", Min: 1, Max: 100, Default: 5),
        new("key_env", ParameterKind.EnvironmentVariable, "environment variable holding the private key", Required: true),
        new("account", ParameterKind.OptionalAddress, "trading (master) address when the key is an API wallet"),
    ]);

    /// <summary>Keys that belong to one strategy only, never to <c>defaults</c>.</summary>
    public static bool IsPerStrategyOnly(string key) => key is "coin" or "key_env" or "account" or FairValue.TableKey;

    /// <summary>The numeric common keys as fields of <see cref="StrategyParameters"/>, read or replaced by config name.</summary>
    internal static IReadOnlyDictionary<string, (Func<StrategyParameters, double> Get, Func<StrategyParameters, double, StrategyParameters> Set)> Fields { get; } =
        new Dictionary<string, (Func<StrategyParameters, double>, Func<StrategyParameters, double, StrategyParameters>)>(StringComparer.Ordinal)
        {
            ["mm_order_size"] = (p => (double)p.OrderSize, (p, v) => p with { OrderSize = (decimal)v }),
            ["mm_max_abs_position"] = (p => (double)p.MaxAbsPosition, (p, v) => p with { MaxAbsPosition = (decimal)v }),
            ["cycle_interval_seconds"] = (p => p.CycleIntervalSeconds, (p, v) => p with { CycleIntervalSeconds = v }),
            ["vol_sample_interval_seconds"] = (p => p.Volatility.SampleIntervalSeconds, (p, v) => p with { Volatility = p.Volatility with { SampleIntervalSeconds = v } }),
            ["vol_window_samples"] = (p => p.Volatility.WindowSamples, (p, v) => p with { Volatility = p.Volatility with { WindowSamples = (int)v } }),
            ["vol_horizon_seconds"] = (p => p.Volatility.HorizonSeconds, (p, v) => p with { Volatility = p.Volatility with { HorizonSeconds = v } }),
            ["vol_prior_bps_1s"] = (p => p.Volatility.PriorStdBps1s, (p, v) => p with { Volatility = p.Volatility with { PriorStdBps1s = v } }),
            ["vol_prior_weight_samples"] = (p => p.Volatility.PriorWeightSamples, (p, v) => p with { Volatility = p.Volatility with { PriorWeightSamples = v } }),
            ["amend_price_tolerance_bps"] = (p => p.AmendPriceToleranceBps, (p, v) => p with { AmendPriceToleranceBps = v }),
            ["amend_size_tolerance"] = (p => p.AmendSizeTolerance, (p, v) => p with { AmendSizeTolerance = v }),
            ["stale_book_seconds"] = (p => p.StaleBookSeconds, (p, v) => p with { StaleBookSeconds = v }),
            ["max_loss_usd"] = (p => (double)p.MaxLossUsd, (p, v) => p with { MaxLossUsd = (decimal)v }),
            ["max_notional_usd"] = (p => (double)p.MaxNotionalUsd, (p, v) => p with { MaxNotionalUsd = (decimal)v }),
            ["leverage"] = (p => p.Leverage, (p, v) => p with { Leverage = (int)v }),
        };
}
