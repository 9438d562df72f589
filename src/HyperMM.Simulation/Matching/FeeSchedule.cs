namespace HyperMM.Simulation.Matching;

/// <summary>
/// Maker/taker fee rates as fractions of notional. Default: Hyperliquid's base tier, taker 0.045 %, maker 0.015 %.
/// A negative maker rate is a rebate.
/// </summary>
public sealed record FeeSchedule(decimal TakerRate, decimal MakerRate)
{
    public static FeeSchedule HyperliquidBase { get; } = new(0.00045m, 0.00015m);

    /// <summary>Fee in USDC for a fill of <paramref name="notional"/>, rounded to USDC's 6 decimals (half away from zero).</summary>
    public decimal FeeFor(decimal notional, bool crossed) =>
        decimal.Round(notional * (crossed ? TakerRate : MakerRate), 6, MidpointRounding.AwayFromZero);
}
