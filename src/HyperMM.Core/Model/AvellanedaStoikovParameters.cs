namespace HyperMM.Core.Model;

/// <summary>
/// The Avellaneda-Stoikov model's parameters, typed, and its config schema (the keys a strategy with
/// <c>model: avellaneda_stoikov</c> may set, with their ranges and defaults). The common keys it reads (order size,
/// position cap) are copied in so the quote needs nothing else.
/// </summary>
public sealed record AvellanedaStoikovParameters(
    decimal OrderSize,
    decimal MaxAbsPosition,
    double Gamma,
    double Kappa,
    double MinSpreadBps,
    double MaxSpreadBps,
    double TargetFillSeconds,
    double SizeSkew,
    FillPressureOptions FillPressure)
{
    public const string GammaKey = "gamma";
    public const string KappaKey = "kappa";
    public const string MinSpreadBpsKey = "min_spread_bps";
    public const string MaxSpreadBpsKey = "max_spread_bps";
    public const string TargetFillSecondsKey = "mm_target_fill_seconds";
    public const string SizeSkewKey = "size_skew";
    public const string PressureStepSecondsKey = "pressure_step_seconds";
    public const string PressureTightenPerStepKey = "pressure_tighten_per_step";
    public const string PressureMaxStepsKey = "pressure_max_steps";
    public const string PressureMinSpreadBpsKey = "pressure_min_spread_bps";
    public const string PressureCrossMinInventoryKey = "pressure_cross_min_inventory";

    /// <summary>The model's keys: name, type, range, default, meaning (docs/MODEL.md §9).</summary>
    public static ParameterSchema Schema { get; } = new(
    [
        new(GammaKey, ParameterKind.Number, "risk aversion", Required: true, Min: 0, Max: 10, MinExclusive: true),
        new(KappaKey, ParameterKind.Number, "order-arrival decay", Required: true, Min: 0, Max: 1_000, MinExclusive: true),
        new(MinSpreadBpsKey, ParameterKind.Number, "lower spread bound, bps of mid", Required: true, Min: 0, Max: 2_000, MinExclusive: true),
        new(MaxSpreadBpsKey, ParameterKind.Number, "upper spread bound, bps of mid", Required: true, Min: 0, Max: 2_000, MinExclusive: true),
        new(TargetFillSecondsKey, ParameterKind.Number, "seconds without a fill before fill pressure", Min: 1, Max: 86_400, Default: 30.0),
        new(SizeSkewKey, ParameterKind.Number, "size skew strength eta", Min: 0, Max: 5, Default: 1.0),
        new(PressureStepSecondsKey, ParameterKind.Number, "seconds per fill-pressure stage", Min: 0, Max: 3_600, MinExclusive: true, Default: 10.0),
        new(PressureTightenPerStepKey, ParameterKind.Number, "spread reduction per stage (fraction)", Min: 0, Max: 1, MaxExclusive: true, Default: 0.25),
        new(PressureMaxStepsKey, ParameterKind.WholeNumber, "fill-pressure stages (0 disables)", Min: 0, Max: 20, Default: 3),
        new(PressureMinSpreadBpsKey, ParameterKind.Number, "tightest spread under fill pressure, bps", Min: 0, Max: 2_000, MinExclusive: true, Default: 1.0),
        new(PressureCrossMinInventoryKey, ParameterKind.Number, "|q| from which the last stage may cross", Min: 0, Max: 1, Default: 0.25),
    ]);

    /// <summary>Reads a strategy's model values (its model must be this one).</summary>
    public static AvellanedaStoikovParameters From(StrategyParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var m = parameters.Model;
        return new(
            parameters.OrderSize,
            parameters.MaxAbsPosition,
            m[GammaKey],
            m[KappaKey],
            m[MinSpreadBpsKey],
            m[MaxSpreadBpsKey],
            m[TargetFillSecondsKey],
            m[SizeSkewKey],
            new FillPressureOptions(
                m[PressureStepSecondsKey],
                m[PressureTightenPerStepKey],
                (int)m[PressureMaxStepsKey],
                m[PressureMinSpreadBpsKey],
                m[PressureCrossMinInventoryKey]));
    }

    /// <summary>The rules across the model's keys: spread bounds in order, the pressure floor within them (even when it is the default).</summary>
    public static IEnumerable<ParameterViolation> CheckAcross(ModelParameters model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (min, max, floor) = (model[MinSpreadBpsKey], model[MaxSpreadBpsKey], model[PressureMinSpreadBpsKey]);
        if (min > max)
        {
            yield return new(MinSpreadBpsKey,
                $"value {ParameterRules.Number(min)} is above max_spread_bps {ParameterRules.Number(max)} (allowed: min_spread_bps <= max_spread_bps)");
        }

        if (floor > max)
        {
            yield return new(PressureMinSpreadBpsKey,
                $"value {ParameterRules.Number(floor)} is above max_spread_bps {ParameterRules.Number(max)} (allowed: pressure_min_spread_bps <= max_spread_bps)",
                Cause: MaxSpreadBpsKey);
        }
    }
}
