using System.Globalization;
using HyperMM.Core.Primitives;

namespace HyperMM.Simulation.Matching;

/// <summary>
/// The venue's error texts (PROTOCOL §2.6), byte for byte. Per-order errors carry the live suffix " asset=N";
/// whole-action errors (scheduleCancel) do not.
/// </summary>
public static class VenueErrors
{
    public const string Tick = "Price must be divisible by tick size.";
    public const string MinValue = "Order must have minimum value of $10.";
    public const string InsufficientMargin = "Insufficient margin to place order.";
    public const string ReduceOnly = "Reduce only order would increase position.";
    public const string IocNoMatch = "Order could not immediately match against any resting orders.";
    public const string InvalidSize = "Order has invalid size.";
    public const string InvalidPrice = "Order has invalid price.";
    public const string ZeroSize = "Order has zero size.";
    public const string MissingOrder = "Order was never placed, already canceled, or filled.";

    /// <summary>The venue's text is not confirmed (PROTOCOL §2.6 only knows the status tooManyOpenOrdersRejected).</summary>
    public const string TooManyOpenOrders = "Too many open orders.";

    /// <summary>updateLeverage outside 1..maxLeverage (the local venue's text; the venue's is not recorded).</summary>
    public const string InvalidLeverage = "Invalid leverage value.";

    /// <summary>updateLeverage changing cross ⇄ isolated while a position is open (live text quoted by several clients).</summary>
    public const string LeverageTypeSwitch = "Cannot switch leverage type with open position.";

    public const string ScheduleCancelTooEarly = "Scheduled cancel time too early, must be at least 5 seconds from now.";

    public static string PostOnly(decimal bestBid, decimal bestAsk) =>
        "Post only order would have immediately matched, bbo was " + Number(bestBid) + "@" + Number(bestAsk) + ".";

    public static string ScheduleCancelVolumeGate(decimal requiredUsd, decimal tradedUsd) =>
        "Cannot set scheduled cancel time until enough volume traded. Required: $" + Number(requiredUsd)
        + ". Traded: $" + Number(tradedUsd) + ".";

    /// <summary>Appends the live per-order suffix: <c>"{text} asset={id}"</c>.</summary>
    public static string WithAsset(string text, AssetId asset) => text + " asset=" + asset.ToString();

    /// <summary>A decimal as the venue prints numbers: no exponent, no trailing zeros.</summary>
    public static string Number(decimal value) =>
        (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
