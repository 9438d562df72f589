using System.Globalization;

namespace HyperMM.Core.Model;

/// <summary>
/// One strategy parameter: its config name, type, allowed range (numbers), meaning and the value a strategy gets when
/// neither it nor <c>defaults</c> sets the key (<see cref="Default"/>: a double, int, decimal,
/// <see cref="Model.RequoteMode"/> or string as the kind reads; null for required keys). <see cref="Min"/>/<see cref="Max"/>
/// are inclusive unless <see cref="MinExclusive"/>/<see cref="MaxExclusive"/>.
/// </summary>
public sealed record ParameterSpec(
    string Name,
    ParameterKind Kind,
    string Description,
    bool Required = false,
    double Min = double.NegativeInfinity,
    double Max = double.PositiveInfinity,
    bool MinExclusive = false,
    bool MaxExclusive = false,
    object? Default = null)
{
    /// <summary>True for the kinds a sweep and the field table read as numbers.</summary>
    public bool IsNumeric => Kind is ParameterKind.Quantity or ParameterKind.Number or ParameterKind.WholeNumber;

    /// <summary>The allowed range in words, for error messages: "> 0 and <= 10".</summary>
    public string Allowed => Kind switch
    {
        ParameterKind.Coin => "a coin name as the venue lists it, e.g. ETH",
        ParameterKind.EnvironmentVariable => "an environment variable name: A-Z, 0-9 and _, not starting with a digit",
        ParameterKind.OptionalAddress => "empty, or 0x followed by 40 hex digits (the account's address, never a key)",
        ParameterKind.RequoteMode => "amend or replace",
        ParameterKind.Model => "one of " + string.Join(", ", QuotingModels.Names),
        ParameterKind.FairValue => string.Join(" or ", FairValue.Names),
        ParameterKind.NumberTable => "a list of rows of numbers in ticks, one row per spread of 1, 2, ... ticks, every row as long as the first, e.g. [[-0.4, 0, 0.4], [-0.6, 0, 0.6]]",
        _ => RangeText(),
    };

    /// <summary>The default as a number (numeric keys with a default only).</summary>
    public double DefaultNumber => Default is null
        ? throw new InvalidOperationException($"parameter '{Name}' has no default")
        : Convert.ToDouble(Default, CultureInfo.InvariantCulture);

    public bool InRange(double value) =>
        (MinExclusive ? value > Min : value >= Min) && (MaxExclusive ? value < Max : value <= Max);

    private string RangeText()
    {
        var parts = new List<string>(2);
        if (!double.IsNegativeInfinity(Min))
        {
            parts.Add((MinExclusive ? "> " : ">= ") + Min.ToString(CultureInfo.InvariantCulture));
        }

        if (!double.IsPositiveInfinity(Max))
        {
            parts.Add((MaxExclusive ? "< " : "<= ") + Max.ToString(CultureInfo.InvariantCulture));
        }

        var range = string.Join(" and ", parts);
        return Kind == ParameterKind.WholeNumber ? "an integer " + range : "a number " + range;
    }
}
