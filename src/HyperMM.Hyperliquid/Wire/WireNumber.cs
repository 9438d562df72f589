using System.Globalization;

namespace HyperMM.Hyperliquid.Wire;

/// <summary>
/// Prices and sizes as the venue hashes them (PROTOCOL §3.7): the shortest plain decimal, no trailing zeros, no
/// exponent, never "-0", at most 8 decimals. A value that needs more than 8 decimals is a bug upstream (rounding to
/// tick/lot was skipped), so it throws instead of being rounded silently.
/// </summary>
public static class WireNumber
{
    public const int MaxDecimals = 8;

    public static string Format(decimal value)
    {
        if (decimal.Round(value, MaxDecimals) != value)
        {
            throw new ArgumentOutOfRangeException(
                nameof(value),
                value,
                $"A wire number has at most {MaxDecimals} decimals; round to the tick/lot size first.");
        }

        if (value == 0m)
        {
            return "0";
        }

        return value.ToString("0.########", CultureInfo.InvariantCulture);
    }

    /// <summary>True when <paramref name="text"/> is exactly the canonical form of some decimal.</summary>
    public static bool IsCanonical(string text)
        => TryParse(text, out var value) && string.Equals(Format(value), text, StringComparison.Ordinal);

    /// <summary>Parses a venue string-number ("2986.3", "0.0", "-1.5"). No exponent, no thousands separators.</summary>
    public static bool TryParse(string? text, out decimal value)
        => decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    public static decimal Parse(string text)
        => TryParse(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a decimal string-number.");
}
