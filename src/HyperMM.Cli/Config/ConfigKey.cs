using System.Globalization;

namespace HyperMM.Cli.Config;

/// <summary>
/// One key of config/strategies.yaml: its type, allowed range (numbers), meaning and the value a strategy gets when
/// neither it nor <c>defaults</c> sets the key (<see cref="Default"/>: a double, int, decimal or
/// <see cref="Core.Model.RequoteMode"/> as the key's kind reads; null for required keys). <see cref="Min"/>/<see cref="Max"/>
/// are inclusive unless <see cref="MinExclusive"/>/<see cref="MaxExclusive"/>.
/// </summary>
public sealed record ConfigKey(
    string Name,
    ConfigKind Kind,
    string Description,
    bool Required = false,
    double Min = double.NegativeInfinity,
    double Max = double.PositiveInfinity,
    bool MinExclusive = false,
    bool MaxExclusive = false,
    object? Default = null)
{
    /// <summary>The allowed range in words, for error messages: "> 0 and <= 10".</summary>
    public string Allowed => Kind switch
    {
        ConfigKind.Coin => "a coin name as the venue lists it, e.g. ETH",
        ConfigKind.EnvironmentVariable => "an environment variable name: A-Z, 0-9 and _, not starting with a digit",
        ConfigKind.OptionalAddress => "empty, or 0x followed by 40 hex digits (the account's address, never a key)",
        ConfigKind.RequoteMode => "amend or replace",
        _ => RangeText(),
    };

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
        return Kind == ConfigKind.WholeNumber ? "an integer " + range : "a number " + range;
    }
}
