using HyperMM.Core.Model;

namespace HyperMM.TestSupport;

/// <summary>Test shorthands over a strategy's parameters.</summary>
public static class StrategyParametersExtensions
{
    /// <summary>The strategy's Avellaneda-Stoikov parameters, typed (the shipped strategies all use that model).</summary>
    public static AvellanedaStoikovParameters As(this StrategyParameters parameters) => AvellanedaStoikovParameters.From(parameters);

    /// <summary>A copy with numeric keys replaced by config name (common or model keys), as <c>--sweep</c> does.</summary>
    public static StrategyParameters With(this StrategyParameters parameters, params (string Key, double Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var (key, value) in values)
        {
            parameters = ParameterFields.Set(parameters, key, value);
        }

        return parameters;
    }
}
