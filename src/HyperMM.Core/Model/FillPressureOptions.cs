namespace HyperMM.Core.Model;

/// <summary>
/// Fill-pressure schedule (docs/MODEL.md, "Fill pressure"). After <c>TargetFillSeconds</c> without a fill the
/// strategy enters stage 1; every <see cref="StepSeconds"/> more adds a stage, up to <see cref="MaxSteps"/>.
/// At stage k the spread is the clamped spread × (1 - <see cref="TightenPerStep"/>)^k, never below
/// <see cref="MinSpreadBps"/> (nor above the clamped spread); orders go Gtc instead of Alo. At the last stage, if
/// |q| ≥ <see cref="CrossMinInventory"/>, the inventory-reducing side is priced at the opposite touch (it crosses,
/// reduce-only). The first fill returns the strategy to stage 0. Defaults: the model's schema
/// (<see cref="AvellanedaStoikovParameters.Schema"/>), through <see cref="Default"/>.
/// </summary>
public sealed record FillPressureOptions(
    double StepSeconds,
    double TightenPerStep,
    int MaxSteps,
    double MinSpreadBps,
    double CrossMinInventory)
{
    /// <summary>The schema's defaults.</summary>
    public static FillPressureOptions Default { get; } = new(
        AvellanedaStoikovParameters.Schema.Default<double>(AvellanedaStoikovParameters.PressureStepSecondsKey),
        AvellanedaStoikovParameters.Schema.Default<double>(AvellanedaStoikovParameters.PressureTightenPerStepKey),
        AvellanedaStoikovParameters.Schema.Default<int>(AvellanedaStoikovParameters.PressureMaxStepsKey),
        AvellanedaStoikovParameters.Schema.Default<double>(AvellanedaStoikovParameters.PressureMinSpreadBpsKey),
        AvellanedaStoikovParameters.Schema.Default<double>(AvellanedaStoikovParameters.PressureCrossMinInventoryKey));
}
