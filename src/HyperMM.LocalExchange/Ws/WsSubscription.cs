using System.Text.Json;
using HyperMM.Core.Primitives;

namespace HyperMM.LocalExchange.Ws;

/// <summary>
/// One WebSocket subscription (PROTOCOL §6.2). <see cref="Topic"/> routes pushes: market topics by coin,
/// user topics by the account address.
/// </summary>
public sealed record WsSubscription(string Type, string? Coin, Address? User, string RawJson)
{
    public static readonly IReadOnlySet<string> MarketTypes = new HashSet<string>(StringComparer.Ordinal) { "l2Book", "trades", "bbo" };
    public static readonly IReadOnlySet<string> UserTypes = new HashSet<string>(StringComparer.Ordinal) { "orderUpdates", "userFills", "userEvents" };

    public string Topic => TopicOf(Type, Coin, User);

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

            return new WsSubscription(type, coinProp.GetString(), null, raw);
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
