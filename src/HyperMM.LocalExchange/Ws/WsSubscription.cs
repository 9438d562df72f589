using System.Text.Json;
using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Info;
using HyperMM.Hyperliquid.Json;

namespace HyperMM.LocalExchange.Ws;

/// <summary>
/// One WebSocket subscription (PROTOCOL §6.2). <see cref="Topic"/> routes pushes: market topics by coin (an
/// l2Book topic also by its <see cref="L2Aggregation"/>), user topics by the account address.
/// </summary>
public sealed record WsSubscription(string Type, string? Coin, Address? User, string RawJson, L2Aggregation Aggregation = default)
{
    public static readonly IReadOnlySet<string> MarketTypes = new HashSet<string>(StringComparer.Ordinal) { "l2Book", "trades", "bbo" };
    public static readonly IReadOnlySet<string> UserTypes = new HashSet<string>(StringComparer.Ordinal) { "orderUpdates", "userFills", "userEvents" };

    public string Topic => Type == "l2Book" ? BookTopic(Coin!, Aggregation) : TopicOf(Type, Coin, User);

    /// <summary>The topic of an l2Book subscription at one aggregation.</summary>
    public static string BookTopic(string coin, L2Aggregation aggregation) =>
        TopicOf("l2Book", aggregation.IsFull ? coin : coin + "@" + aggregation.Key, null);

    public static string TopicOf(string type, string? coin, Address? user) =>
        type + "|" + (coin ?? string.Empty) + "|" + (user?.Hex ?? string.Empty);

    /// <summary>Parses a <c>subscription</c> object; returns null and an error text for anything the venue would refuse.</summary>
    public static WsSubscription? TryParse(JsonElement element, IReadOnlySet<string> coins, out string? error)
    {
        error = null;
        var raw = element.GetRawText();
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("type", out var typeProp) || typeProp.ValueKind != JsonValueKind.String)
        {
            error = "Invalid subscription " + raw;
            return null;
        }

        var type = typeProp.GetString()!;
        if (MarketTypes.Contains(type))
        {
            if (!element.TryGetProperty("coin", out var coinProp) || coinProp.ValueKind != JsonValueKind.String || !coins.Contains(coinProp.GetString()!))
            {
                error = "Invalid subscription " + raw;
                return null;
            }

            var aggregation = L2Aggregation.Full;
            if (type == "l2Book")
            {
                try
                {
                    aggregation = L2Aggregation.Parse(element);
                }
                catch (WireFormatException)
                {
                    error = "Invalid subscription " + raw;
                    return null;
                }
            }

            return new WsSubscription(type, coinProp.GetString(), null, raw, aggregation);
        }

        if (type == "allMids")
        {
            return new WsSubscription(type, null, null, raw);
        }

        if (UserTypes.Contains(type))
        {
            if (!element.TryGetProperty("user", out var userProp) || userProp.ValueKind != JsonValueKind.String || !Address.TryParse(userProp.GetString(), out var user))
            {
                error = "Invalid subscription " + raw;
                return null;
            }

            return new WsSubscription(type, null, user, raw);
        }

        error = "Invalid subscription " + raw;
        return null;
    }
}
