using HyperMM.Core.Model;

namespace HyperMM.Cli.Config;

/// <summary>
/// The numeric keys of <see cref="StrategyConfigSchema"/> as fields of <see cref="StrategyParameters"/>: read or
/// replace one by its config name. The validator reads through it, <c>--sweep</c> writes through it.
/// </summary>
public static class StrategyParameterFields
{
    private static readonly Dictionary<string, (Func<StrategyParameters, double> Get, Func<StrategyParameters, double, StrategyParameters> Set)> Fields =
        new(StringComparer.Ordinal)
        {
            ["mm_order_size"] = (p => (double)p.OrderSize, (p, v) => p with { OrderSize = (decimal)v }),
            ["mm_max_abs_position"] = (p => (double)p.MaxAbsPosition, (p, v) => p with { MaxAbsPosition = (decimal)v }),
            ["gamma"] = (p => p.Gamma, (p, v) => p with { Gamma = v }),
            ["kappa"] = (p => p.Kappa, (p, v) => p with { Kappa = v }),
            ["min_spread_bps"] = (p => p.MinSpreadBps, (p, v) => p with { MinSpreadBps = v }),
            ["max_spread_bps"] = (p => p.MaxSpreadBps, (p, v) => p with { MaxSpreadBps = v }),
            ["mm_target_fill_seconds"] = (p => p.TargetFillSeconds, (p, v) => p with { TargetFillSeconds = v }),
            ["cycle_interval_seconds"] = (p => p.CycleIntervalSeconds, (p, v) => p with { CycleIntervalSeconds = v }),
            ["vol_sample_interval_seconds"] = (p => p.Volatility.SampleIntervalSeconds, (p, v) => p with { Volatility = p.Volatility with { SampleIntervalSeconds = v } }),
            ["vol_window_samples"] = (p => p.Volatility.WindowSamples, (p, v) => p with { Volatility = p.Volatility with { WindowSamples = (int)v } }),
            ["vol_horizon_seconds"] = (p => p.Volatility.HorizonSeconds, (p, v) => p with { Volatility = p.Volatility with { HorizonSeconds = v } }),
            ["vol_prior_bps_1s"] = (p => p.Volatility.PriorStdBps1s, (p, v) => p with { Volatility = p.Volatility with { PriorStdBps1s = v } }),
            ["vol_prior_weight_samples"] = (p => p.Volatility.PriorWeightSamples, (p, v) => p with { Volatility = p.Volatility with { PriorWeightSamples = v } }),
            ["size_skew"] = (p => p.SizeSkew, (p, v) => p with { SizeSkew = v }),
            ["pressure_step_seconds"] = (p => p.FillPressure.StepSeconds, (p, v) => p with { FillPressure = p.FillPressure with { StepSeconds = v } }),
            ["pressure_tighten_per_step"] = (p => p.FillPressure.TightenPerStep, (p, v) => p with { FillPressure = p.FillPressure with { TightenPerStep = v } }),
            ["pressure_max_steps"] = (p => p.FillPressure.MaxSteps, (p, v) => p with { FillPressure = p.FillPressure with { MaxSteps = (int)v } }),
            ["pressure_min_spread_bps"] = (p => p.FillPressure.MinSpreadBps, (p, v) => p with { FillPressure = p.FillPressure with { MinSpreadBps = v } }),
            ["pressure_cross_min_inventory"] = (p => p.FillPressure.CrossMinInventory, (p, v) => p with { FillPressure = p.FillPressure with { CrossMinInventory = v } }),
            ["amend_price_tolerance_bps"] = (p => p.AmendPriceToleranceBps, (p, v) => p with { AmendPriceToleranceBps = v }),
            ["amend_size_tolerance"] = (p => p.AmendSizeTolerance, (p, v) => p with { AmendSizeTolerance = v }),
            ["stale_book_seconds"] = (p => p.StaleBookSeconds, (p, v) => p with { StaleBookSeconds = v }),
            ["max_loss_usd"] = (p => (double)p.MaxLossUsd, (p, v) => p with { MaxLossUsd = (decimal)v }),
            ["max_notional_usd"] = (p => (double)p.MaxNotionalUsd, (p, v) => p with { MaxNotionalUsd = (decimal)v }),
            ["leverage"] = (p => p.Leverage, (p, v) => p with { Leverage = (int)v }),
        };

    /// <summary>Every numeric key, in schema order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. StrategyConfigSchema.Keys.Select(k => k.Name).Where(Fields.ContainsKey)];

    public static bool Has(string key) => Fields.ContainsKey(key);

    public static double Get(StrategyParameters parameters, string key) => Fields[key].Get(parameters);

    public static StrategyParameters Set(StrategyParameters parameters, string key, double value) => Fields[key].Set(parameters, value);
}
