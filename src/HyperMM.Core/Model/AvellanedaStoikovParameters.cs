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
    public const string SizeSkewKey = "size_skew";

    /// <summary>The model's keys: name, type, range, default, meaning (docs/MODEL.md §9).</summary>
    public static ParameterSchema Schema { get; } = new(
    [
        new(GammaKey, ParameterKind.Number, "risk aversion", Required: true, Min: 0, Max: 10, MinExclusive: true),
        new(KappaKey, ParameterKind.Number, "order-arrival decay", Required: true, Min: 0, Max: 1_000, MinExclusive: true),
        new(MinSpreadBpsKey, ParameterKind.Number, "lower spread bound, bps of mid", Required: true, Min: 0, Max: 2_000, MinExclusive: true),
        new(MaxSpreadBpsKey, ParameterKind.Number, "upper spread bound, bps of mid", Required: true, Min: 0, Max: 2_000, MinExclusive: true),
        new(SizeSkewKey, ParameterKind.Number, "size skew strength eta", Min: 0, Max: 5, Default: 1.0),
        .. FillPressureOptions.Keys(defaultMaxSteps: FillPressureOptions.Default.MaxSteps),
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
            m[FillPressureOptions.TargetFillSecondsKey],
            m[SizeSkewKey],
            FillPressureOptions.From(m));
    }

    /// <summary>The rules across the model's keys: spread bounds in order, the pressure floor within them (even when it is the default).</summary>
    public static IEnumerable<ParameterViolation> CheckAcross(ModelParameters model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (ParameterRules.NotAbove(model, MinSpreadBpsKey, MaxSpreadBpsKey) is { } bounds)
        {
            yield return bounds;
        }

        foreach (var violation in FillPressureOptions.CheckAcross(model, MaxSpreadBpsKey))
        {
            yield return violation;
        }
    }
}
