using System.Globalization;

namespace HyperMM.LocalExchange.Json;

/// <summary>
/// Decimal → the venue's string-number: plain digits, no exponent, no trailing zeros, never "-0". Figures the
/// venue derives (PnL, margin, account value) are rounded to 8 decimals first; order prices and sizes already
/// satisfy the tick and lot rules and print exactly.
/// </summary>
public static class Num
{
    public static string Format(decimal value)
    {
        var rounded = decimal.Round(value, 8, MidpointRounding.ToEven);
        if (rounded == 0m)
        {
            return "0.0";
        }

        var text = rounded.ToString("0.########", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text : text + ".0";
    }
}
