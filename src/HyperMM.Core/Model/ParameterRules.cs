using System.Globalization;

namespace HyperMM.Core.Model;

/// <summary>
/// The one validator of strategy parameters: every numeric value within its range (the common schema and the
/// strategy's model schema) and the rules across keys (common ones here, the model's from its definition). The YAML
/// loader and <c>--sweep</c> both call it, so a value is refused with the same words wherever it came from; each source
/// only adds where (file:line and strategy, or the --sweep point).
/// </summary>
public static class ParameterRules
{
    /// <summary>The problem with one value of <paramref name="key"/>, or null. <paramref name="shown"/> is the value as the user wrote it.</summary>
    public static ParameterViolation? CheckValue(ParameterSpec key, double value, string shown)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Kind == ParameterKind.WholeNumber && value != Math.Floor(value))
        {
            return new(key.Name, $"{shown} is not a whole number (allowed: {key.Allowed})");
        }

        return key.InRange(value) ? null : new(key.Name, $"value {shown} is out of range (allowed: {key.Allowed})");
    }

    /// <summary>Every broken rule of a complete parameter set: each numeric value's range, then the rules across keys.</summary>
    public static IReadOnlyList<ParameterViolation> Check(StrategyParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var violations = new List<ParameterViolation>();
        foreach (var name in ParameterFields.Names(parameters))
        {
            var value = ParameterFields.Get(parameters, name);
            if (CheckValue(ParameterFields.Spec(parameters, name)!, value, Number(value)) is { } bad)
            {
                violations.Add(bad);
            }
        }

        violations.AddRange(CheckAcross(parameters));
        return violations;
    }

    /// <summary>The rules across keys: one order within the cap, then the model's own (e.g. spread bounds in order).</summary>
    public static IEnumerable<ParameterViolation> CheckAcross(StrategyParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.OrderSize > parameters.MaxAbsPosition)
        {
            yield return new("mm_order_size",
                FormattableString.Invariant($"value {parameters.OrderSize} is above mm_max_abs_position {parameters.MaxAbsPosition} (allowed: mm_order_size <= mm_max_abs_position)"));
        }

        foreach (var violation in parameters.Model.Definition.CheckAcross(parameters.Model))
        {
            yield return violation;
        }
    }

    /// <summary>
    /// The rule "<paramref name="lowKey"/> ≤ <paramref name="highKey"/>" on a model's values, blamed on the low key
    /// (or, when <paramref name="blameHigh"/>, caused by the high one: a default made wrong by the other key).
    /// </summary>
    public static ParameterViolation? NotAbove(ModelParameters model, string lowKey, string highKey, bool blameHigh = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (low, high) = (model[lowKey], model[highKey]);
        return low > high
            ? new(lowKey, $"value {Number(low)} is above {highKey} {Number(high)} (allowed: {lowKey} <= {highKey})", Cause: blameHigh ? highKey : null)
            : null;
    }

    /// <summary>A number as error messages show it.</summary>
    public static string Number(double value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
