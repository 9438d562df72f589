using System.Globalization;

namespace HyperMM.Simulation.Matching;

/// <summary>
/// Maker/taker fee rates as fractions of notional. Default: Hyperliquid's base tier, taker 0.045 %, maker 0.015 %.
/// A negative maker rate is a rebate.
/// </summary>
public sealed record FeeSchedule(decimal TakerRate, decimal MakerRate)
{
    /// <summary>Largest |rate| accepted from text (1 % of notional): anything above is a typo, not a fee tier.</summary>
    public const decimal MaxAbsRate = 0.01m;

    public static FeeSchedule HyperliquidBase { get; } = new(0.00045m, 0.00015m);

    /// <summary>Fee in USDC for a fill of <paramref name="notional"/>, rounded to USDC's 6 decimals (half away from zero).</summary>
    public decimal FeeFor(decimal notional, bool crossed) =>
        decimal.Round(notional * (crossed ? TakerRate : MakerRate), 6, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Reads <c>maker=R,taker=R</c> (fractions of notional, e.g. <c>maker=0.00015,taker=0.00045</c>); a key left out
    /// keeps the base tier's rate. <see cref="ArgumentException"/> with one line saying what is wrong.
    /// </summary>
    public static FeeSchedule Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = HyperliquidBase;
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            throw new ArgumentException("expected maker=R,taker=R (fractions of notional, e.g. maker=0.00015,taker=0.00045)");
        }

        foreach (var part in parts)
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !decimal.TryParse(part[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var rate))
            {
                throw new ArgumentException($"'{part}' is not key=number (expected maker=R,taker=R)");
            }

            if (Math.Abs(rate) > MaxAbsRate)
            {
                throw new ArgumentException($"{part[..eq]} rate {rate.ToString(CultureInfo.InvariantCulture)} is outside ±{MaxAbsRate.ToString(CultureInfo.InvariantCulture)} (rates are fractions: 0.00015 = 0.015 %)");
            }

            result = part[..eq] switch
            {
                "maker" => result with { MakerRate = rate },
                "taker" => result with { TakerRate = rate },
                var key => throw new ArgumentException($"unknown key '{key}' (maker, taker)"),
            };
        }

        return result;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"maker={MakerRate},taker={TakerRate}");
}
