namespace HyperMM.Core.Instruments;

/// <summary>
/// Hyperliquid's perp tick and lot rules (PROTOCOL §5), the one place a model price becomes a venue price.
/// <list type="bullet">
/// <item>size: at most <c>szDecimals</c> decimals;</item>
/// <item>price: at most 5 significant figures and at most <c>6 - szDecimals</c> decimals; an integer price is always valid;</item>
/// <item>order value: price × size must be at least $10.</item>
/// </list>
/// All arithmetic is in <see cref="decimal"/>, so a price that validates here prints exactly as it will be signed.
/// </summary>
public static class VenueRules
{
    public const int PerpMaxPriceDecimals = 6;
    public const int MaxSignificantFigures = 5;
    public const decimal MinOrderNotionalUsd = 10m;

    private static readonly decimal[] PowersOfTen =
    [
        1m, 10m, 100m, 1_000m, 10_000m, 100_000m, 1_000_000m, 10_000_000m, 100_000_000m, 1_000_000_000m,
        10_000_000_000m, 100_000_000_000m, 1_000_000_000_000m, 10_000_000_000_000m,
    ];

    private static readonly decimal[] NegativePowersOfTen =
    [
        1m, 0.1m, 0.01m, 0.001m, 0.0001m, 0.00001m, 0.000001m, 0.0000001m, 0.00000001m,
    ];

    /// <summary>10^-n for n in 0..8.</summary>
    public static decimal PowerOfTenNegative(int n) => NegativePowersOfTen[n];

    /// <summary>
    /// Decimals a positive price may carry: <c>min(6 - szDecimals, max(0, 5 - integerDigits))</c>, where
    /// integerDigits = floor(log10(px)) + 1 (negative for px &lt; 0.1).
    /// </summary>
    public static int AllowedPriceDecimals(decimal price, int szDecimals)
    {
        if (price <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(price), price, "Prices must be positive.");
        }

        var maxDecimals = PerpMaxPriceDecimals - szDecimals;
        var sigFigDecimals = MaxSignificantFigures - IntegerDigits(price);
        return Math.Max(0, Math.Min(maxDecimals, sigFigDecimals));
    }

    /// <summary>Price tick at this price level: 10^-AllowedPriceDecimals.</summary>
    public static decimal TickAt(decimal price, int szDecimals) => NegativePowersOfTen[AllowedPriceDecimals(price, szDecimals)];

    /// <summary>Rounds a positive price to a valid venue price: bids <see cref="RoundingDirection.Down"/>, asks <see cref="RoundingDirection.Up"/>.</summary>
    public static decimal RoundPrice(decimal price, int szDecimals, RoundingDirection direction)
    {
        var decimals = AllowedPriceDecimals(price, szDecimals);
        var rounded = decimal.Round(price, decimals, direction == RoundingDirection.Down ? MidpointRounding.ToNegativeInfinity : MidpointRounding.ToPositiveInfinity);
        // Rounding up can reach the next power of ten (9.99996 -> 10.0000): that value is valid (it needs fewer
        // significant figures), and rounding down never gains an integer digit, so one pass is enough.
        return rounded;
    }

    public static bool IsValidPrice(decimal price, int szDecimals)
    {
        if (price <= 0m)
        {
            return false;
        }

        if (decimal.Truncate(price) == price)
        {
            return true;
        }

        var decimals = AllowedPriceDecimals(price, szDecimals);
        return decimal.Round(price, decimals) == price;
    }

    /// <summary>Rounds a size towards zero to the lot (10^-szDecimals).</summary>
    public static decimal RoundSizeDown(decimal size, int szDecimals) =>
        decimal.Round(size, szDecimals, MidpointRounding.ToZero);

    /// <summary>Rounds a positive size up to the lot.</summary>
    public static decimal RoundSizeUp(decimal size, int szDecimals) =>
        decimal.Round(size, szDecimals, MidpointRounding.ToPositiveInfinity);

    public static bool IsValidSize(decimal size, int szDecimals) =>
        size > 0m && decimal.Round(size, szDecimals) == size;

    public static bool MeetsMinNotional(decimal price, decimal size) => price * size >= MinOrderNotionalUsd;

    /// <summary>Number of digits before the decimal point: floor(log10(px)) + 1, e.g. 4300 → 4, 0.5 → 0, 0.0012 → -2.</summary>
    public static int IntegerDigits(decimal price)
    {
        if (price >= 1m)
        {
            var digits = 1;
            while (digits < PowersOfTen.Length && price >= PowersOfTen[digits])
            {
                digits++;
            }

            return digits;
        }

        var d = 0;
        var scaled = price;
        while (scaled < 0.1m && d > -27)
        {
            scaled *= 10m;
            d--;
        }

        return d;
    }
}
