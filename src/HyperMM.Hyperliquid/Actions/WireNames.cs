using HyperMM.Core.Primitives;

namespace HyperMM.Hyperliquid.Actions;

/// <summary>Wire spellings of enums used in actions.</summary>
public static class WireNames
{
    public static string Tif(TimeInForce tif) => tif switch
    {
        TimeInForce.Alo => "Alo",
        TimeInForce.Gtc => "Gtc",
        TimeInForce.Ioc => "Ioc",
        TimeInForce.FrontendMarket => "FrontendMarket",
        _ => throw new ArgumentOutOfRangeException(nameof(tif), tif, "Unknown time in force."),
    };

    public static bool TryParseTif(string? text, out TimeInForce tif)
    {
        switch (text)
        {
            case "Alo":
                tif = TimeInForce.Alo;
                return true;
            case "Gtc":
                tif = TimeInForce.Gtc;
                return true;
            case "Ioc":
                tif = TimeInForce.Ioc;
                return true;
            case "FrontendMarket":
                tif = TimeInForce.FrontendMarket;
                return true;
            default:
                tif = default;
                return false;
        }
    }

    public static string Grouping(OrderGrouping grouping) => grouping switch
    {
        OrderGrouping.Na => "na",
        OrderGrouping.NormalTpsl => "normalTpsl",
        OrderGrouping.PositionTpsl => "positionTpsl",
        _ => throw new ArgumentOutOfRangeException(nameof(grouping), grouping, "Unknown grouping."),
    };

    public static bool TryParseGrouping(string? text, out OrderGrouping grouping)
    {
        switch (text)
        {
            case "na":
                grouping = OrderGrouping.Na;
                return true;
            case "normalTpsl":
                grouping = OrderGrouping.NormalTpsl;
                return true;
            case "positionTpsl":
                grouping = OrderGrouping.PositionTpsl;
                return true;
            default:
                grouping = default;
                return false;
        }
    }
}
