using HyperMM.Hyperliquid.Json;

namespace HyperMM.LocalExchange.Json;

/// <summary>
/// Figures the venue derives (PnL, margin, account value, averages) rounded to 8 decimals, then printed as the
/// venue prints string-numbers (the client's <see cref="JsonRead.FormatDec"/>: integral values as "30135.0").
/// </summary>
public static class Num
{
    public static decimal Round(decimal value)
    {
        var rounded = decimal.Round(value, 8, MidpointRounding.ToEven);
        return rounded == 0m ? 0m : rounded;
    }

    public static string Format(decimal value) => JsonRead.FormatDec(Round(value));
}
