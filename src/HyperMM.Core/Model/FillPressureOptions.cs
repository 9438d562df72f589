namespace HyperMM.Core.Model;

/// <summary>
/// Fill-pressure schedule (docs/MODEL.md, "Fill pressure"). After <see cref="TargetFillSeconds"/> without a fill the
/// strategy enters stage 1; every <see cref="StepSeconds"/> more adds a stage, up to <see cref="MaxSteps"/>.
/// At stage k the spread is the clamped spread × (1 - <see cref="TightenPerStep"/>)^k, never below
/// <see cref="MinSpreadBps"/> (nor above the clamped spread); orders go Gtc instead of Alo. At the last stage, if
/// |q| ≥ <see cref="CrossMinInventory"/>, the inventory-reducing side is priced at the opposite touch (it crosses,
/// reduce-only). The first fill returns the strategy to stage 0.
/// <para>
/// The switch each model may turn off: a model with fill pressure puts <see cref="Keys"/> in its schema with its own
/// default number of stages (Avellaneda-Stoikov 3, GLFT 0), and <c>pressure_max_steps: 0</c> turns it off in every
/// model that has it. The keys, ranges and defaults are written here once.
/// </para>
/// </summary>
public sealed record FillPressureOptions(
    double StepSeconds,
    double TightenPerStep,
    int MaxSteps,
    double MinSpreadBps,
    double CrossMinInventory)
{
    public const string TargetFillSecondsKey = "mm_target_fill_seconds";
    public const string StepSecondsKey = "pressure_step_seconds";
    public const string TightenPerStepKey = "pressure_tighten_per_step";
    public const string MaxStepsKey = "pressure_max_steps";
    public const string MinSpreadBpsKey = "pressure_min_spread_bps";
    public const string CrossMinInventoryKey = "pressure_cross_min_inventory";

    /// <summary>Default of <c>mm_target_fill_seconds</c>, the no-fill time before stage 1 (kept by each model beside the schedule).</summary>
    public const double DefaultTargetFillSeconds = 30.0;

    /// <summary>The seed's schedule (3 stages): the defaults of <see cref="Keys"/> with <c>defaultMaxSteps</c> 3.</summary>
    public static FillPressureOptions Default { get; } = new(10.0, 0.25, 3, 1.0, 0.25);

    /// <summary>The fill-pressure keys of a model's schema; <paramref name="defaultMaxSteps"/> 0 makes it off unless set.</summary>
    public static IReadOnlyList<ParameterSpec> Keys(int defaultMaxSteps) =>
    [
        new(TargetFillSecondsKey, ParameterKind.Number, "seconds without a fill before fill pressure", Min: 1, Max: 86_400, Default: DefaultTargetFillSeconds),
        new(StepSecondsKey, ParameterKind.Number, "seconds per fill-pressure stage", Min: 0, Max: 3_600, MinExclusive: true, Default: Default.StepSeconds),
        new(TightenPerStepKey, ParameterKind.Number, "spread reduction per stage (fraction)", Min: 0, Max: 1, MaxExclusive: true, Default: Default.TightenPerStep),
        new(MaxStepsKey, ParameterKind.WholeNumber, "fill-pressure stages (0 disables)", Min: 0, Max: 20, Default: defaultMaxSteps),
        new(MinSpreadBpsKey, ParameterKind.Number, "tightest spread under fill pressure, bps", Min: 0, Max: 2_000, MinExclusive: true, Default: Default.MinSpreadBps),
        new(CrossMinInventoryKey, ParameterKind.Number, "|q| from which the last stage may cross", Min: 0, Max: 1, Default: Default.CrossMinInventory),
    ];

    /// <summary>Reads the schedule from a model's values (its schema holds <see cref="Keys"/>).</summary>
    public static FillPressureOptions From(ModelParameters model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new(
            model[StepSecondsKey],
            model[TightenPerStepKey],
            (int)model[MaxStepsKey],
            model[MinSpreadBpsKey],
            model[CrossMinInventoryKey]);
    }

    /// <summary>The rule across keys: the pressure floor within the model's spread bound (even when it is the default).</summary>
    public static IEnumerable<ParameterViolation> CheckAcross(ModelParameters model, string maxSpreadKey)
    {
        if (ParameterRules.NotAbove(model, MinSpreadBpsKey, maxSpreadKey, blameHigh: true) is { } violation)
        {
            yield return violation;
        }
    }
}
