namespace HyperMM.Core.Model;

/// <summary>
/// Every numeric key of a strategy, common or its model's, read or replaced by its config name. The validator reads
/// through it, <c>--sweep</c> writes through it.
/// </summary>
public static class ParameterFields
{
    /// <summary>The numeric keys of <paramref name="parameters"/>: common ones in schema order, then its model's.</summary>
    public static IReadOnlyList<string> Names(StrategyParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return [.. CommonNames, .. parameters.Model.Definition.Schema.Keys.Where(k => k.IsNumeric).Select(k => k.Name)];
    }

    /// <summary>The numeric common keys, in schema order.</summary>
    public static IReadOnlyList<string> CommonNames { get; } =
        [.. CommonParameters.Schema.Keys.Select(k => k.Name).Where(CommonParameters.Fields.ContainsKey)];

    /// <summary>Every numeric key any strategy may have: the common ones and every registered model's.</summary>
    public static IReadOnlyList<string> AllNames { get; } =
        [.. CommonNames, .. QuotingModels.All.SelectMany(m => m.Schema.Keys.Where(k => k.IsNumeric).Select(k => k.Name)).Distinct()];

    public static bool Has(StrategyParameters parameters, string key)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return CommonParameters.Fields.ContainsKey(key) || parameters.Model.Definition.Schema.Find(key) is { IsNumeric: true };
    }

    /// <summary>The spec of a numeric key of <paramref name="parameters"/>, common or its model's (null when it has none).</summary>
    public static ParameterSpec? Spec(StrategyParameters parameters, string key)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return CommonParameters.Fields.ContainsKey(key) ? CommonParameters.Schema.Find(key) : parameters.Model.Definition.Schema.Find(key);
    }

    public static double Get(StrategyParameters parameters, string key)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return CommonParameters.Fields.TryGetValue(key, out var field) ? field.Get(parameters) : parameters.Model[key];
    }

    public static StrategyParameters Set(StrategyParameters parameters, string key, double value)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return CommonParameters.Fields.TryGetValue(key, out var field)
            ? field.Set(parameters, value)
            : parameters with { Model = parameters.Model.With(key, value) };
    }
}
