using System.Globalization;
using HyperMM.Core.Model;

namespace HyperMM.Cli.Config;

/// <summary>
/// The one validator of strategy parameters: every numeric value within its range (<see cref="StrategyConfigSchema"/>)
/// and the rules across keys. The YAML loader and <c>--sweep</c> both call it, so a value is refused with the same
/// words wherever it came from; each source only adds where (file:line and strategy, or the --sweep point).
/// </summary>
public static class StrategyParameterRules
{
    /// <summary>The problem with one value of <paramref name="key"/>, or null. <paramref name="shown"/> is the value as the user wrote it.</summary>
    public static ParameterViolation? CheckValue(ConfigKey key, double value, string shown)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Kind == ConfigKind.WholeNumber && value != Math.Floor(value))
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
        foreach (var name in StrategyParameterFields.Names)
        {
            var value = StrategyParameterFields.Get(parameters, name);
            if (CheckValue(StrategyConfigSchema.Find(name)!, value, Number(value)) is { } bad)
            {
                violations.Add(bad);
            }
        }

        violations.AddRange(CheckAcross(parameters));
        return violations;
    }

    /// <summary>The rules across keys: spread bounds in order, one order within the cap, fill pressure within the bounds.</summary>
    public static IEnumerable<ParameterViolation> CheckAcross(StrategyParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.MinSpreadBps > parameters.MaxSpreadBps)
        {
            yield return new("min_spread_bps",
                $"value {Number(parameters.MinSpreadBps)} is above max_spread_bps {Number(parameters.MaxSpreadBps)} (allowed: min_spread_bps <= max_spread_bps)");
        }

        if (parameters.OrderSize > parameters.MaxAbsPosition)
        {
            yield return new("mm_order_size",
                FormattableString.Invariant($"value {parameters.OrderSize} is above mm_max_abs_position {parameters.MaxAbsPosition} (allowed: mm_order_size <= mm_max_abs_position)"));
        }

        if (parameters.FillPressure.MinSpreadBps > parameters.MaxSpreadBps)
        {
            yield return new("pressure_min_spread_bps",
                $"value {Number(parameters.FillPressure.MinSpreadBps)} is above max_spread_bps {Number(parameters.MaxSpreadBps)} (allowed: pressure_min_spread_bps <= max_spread_bps)");
        }
    }

    private static string Number(double value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
