using HyperMM.Hyperliquid.Actions;
using HyperMM.Hyperliquid.Exchange;
using HyperMM.LocalExchange.Http;

namespace HyperMM.LocalExchange.Handlers;

/// <summary>The venue's fixed answers and texts shared by the /info, /exchange and WebSocket handlers.</summary>
internal static class VenueTexts
{
    public const string BadBody = "Failed to deserialize the JSON body into the target type";

    public static byte[] Ok { get; } = ExchangeResponse.Default.ToUtf8();

    public static byte[] Err(string message) => ExchangeResponse.Err(message).ToUtf8();

    public static VenueReply TooManyRequests() => VenueReply.Text(429, "429 Too Many Requests");

    /// <summary>How many orders or cancels an action carries (its weight and budget cost).</summary>
    public static int BatchLength(HyperliquidAction action) => action switch
    {
        OrderAction o => o.Orders.Count,
        CancelAction c => c.Cancels.Count,
        CancelByCloidAction c => c.Cancels.Count,
        BatchModifyAction b => b.Modifies.Count,
        _ => 1,
    };
}
