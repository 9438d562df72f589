using System.Text.Json;
using HyperMM.Core.Primitives;

namespace HyperMM.Hyperliquid.Streaming;

/// <summary>
/// A subscription object (PROTOCOL §6.2): <c>{"type":"l2Book","coin":"ETH"}</c>, <c>{"type":"userFills","user":"0x…"}</c>, …
/// Value equality makes it usable as the key of the client's subscription set.
/// </summary>
public sealed record WsSubscription(string Type, Coin? Coin = null, Address? User = null)
{
    public static WsSubscription L2Book(Coin coin) => new("l2Book", coin);

    public static WsSubscription Trades(Coin coin) => new("trades", coin);

    public static WsSubscription Bbo(Coin coin) => new("bbo", coin);

    public static WsSubscription AllMids() => new("allMids");

    public static WsSubscription OrderUpdates(Address user) => new("orderUpdates", null, user);

    public static WsSubscription UserFills(Address user) => new("userFills", null, user);

    /// <summary>Pushes arrive on channel <c>user</c> (not <c>userEvents</c>).</summary>
    public static WsSubscription UserEvents(Address user) => new("userEvents", null, user);

    public void Write(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("type", Type);
        if (Coin is { } coin)
        {
            writer.WriteString("coin", coin.Name);
        }

        if (User is { } user)
        {
            writer.WriteString("user", user.Hex);
        }

        writer.WriteEndObject();
    }

    public static WsSubscription Parse(JsonElement e) => new(
        Json.JsonRead.Str(e, "type"),
        Json.JsonRead.OptStr(e, "coin") is { } c ? new Coin(c) : null,
        Json.JsonRead.OptStr(e, "user") is { } u ? Address.Parse(u) : null);

    /// <summary><c>{"method":"subscribe"|"unsubscribe","subscription":{…}}</c>.</summary>
    public byte[] ToRequest(string method = "subscribe") => Json.JsonRead.ToUtf8(w =>
    {
        w.WriteStartObject();
        w.WriteString("method", method);
        w.WritePropertyName("subscription");
        Write(w);
        w.WriteEndObject();
    });

    public override string ToString() => Type + (Coin is { } c ? ":" + c.Name : string.Empty) + (User is { } u ? ":" + u.Abbreviated : string.Empty);
}
