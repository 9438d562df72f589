namespace HyperMM.Core.Instruments;

/// <summary>
/// Hyperliquid's perp tick and lot rules (PROTOCOL §5), built from one <c>meta.universe</c> entry's
/// <c>szDecimals</c>:
/// <list type="bullet">
/// <item>size: at most <c>szDecimals</c> decimals;</item>
/// <item>price: at most 5 significant figures and at most <c>6 - szDecimals</c> decimals; an integer price is always valid;</item>
/// <item>order value: price × size must be at least $10.</item>
/// </list>
/// It lives in Core (named for the venue) because the simulator and the local exchange model the venue's rules too
/// and must not reference the Hyperliquid client project; it is pure BCL arithmetic.
/// </summary>
public sealed record HyperliquidPerpRules : IInstrumentRules
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
        1m, 0.1m, 0.01m, 0.001m, 0.0001m, 0.00001m, 0.000001m,
    ];

    public HyperliquidPerpRules(int szDecimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(szDecimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(szDecimals, PerpMaxPriceDecimals);
        SzDecimals = szDecimals;
        LotSize = NegativePowersOfTen[szDecimals];
    }

    /// <summary>Decimals allowed in a size (<c>meta</c>'s <c>szDecimals</c>); also fixes the price decimals (6 - szDecimals).</summary>
    public int SzDecimals { get; }

    /// <summary>10^-szDecimals.</summary>
    public decimal LotSize { get; }

    public decimal MinOrderNotional => MinOrderNotionalUsd;

    /// <summary>
    /// Decimals a positive price may carry: <c>min(6 - szDecimals, max(0, 5 - integerDigits))</c>, where
    /// integerDigits = floor(log10(px)) + 1 (negative for px &lt; 0.1).
    /// </summary>
    public int AllowedPriceDecimals(decimal price)
    {
        if (price <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(price), price, "Prices must be positive.");
        }

        var maxDecimals = PerpMaxPriceDecimals - SzDecimals;
        var sigFigDecimals = MaxSignificantFigures - IntegerDigits(price);
        return Math.Max(0, Math.Min(maxDecimals, sigFigDecimals));
    }

    /// <summary>10^-AllowedPriceDecimals.</summary>
    public decimal TickAt(decimal price) => NegativePowersOfTen[AllowedPriceDecimals(price)];

    public decimal RoundPrice(decimal price, RoundingDirection direction) =>
        // Rounding up can reach the next power of ten (9.99996 -> 10.0000): that value is valid (it needs fewer
        // significant figures), and rounding down never gains an integer digit, so one pass is enough.
        decimal.Round(price, AllowedPriceDecimals(price), direction == RoundingDirection.Down ? MidpointRounding.ToNegativeInfinity : MidpointRounding.ToPositiveInfinity);

    public bool IsValidPrice(decimal price)
    {
        if (price <= 0m)
        {
            return false;
        }

        if (decimal.Truncate(price) == price)
        {
            return true;
        }

        return decimal.Round(price, AllowedPriceDecimals(price)) == price;
    }

    public decimal RoundSizeDown(decimal size) => decimal.Round(size, SzDecimals, MidpointRounding.ToZero);

    public decimal RoundSizeUp(decimal size) => decimal.Round(size, SzDecimals, MidpointRounding.ToPositiveInfinity);

    public bool IsValidSize(decimal size) => size > 0m && decimal.Round(size, SzDecimals) == size;

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
