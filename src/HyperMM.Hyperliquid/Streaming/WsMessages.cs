using System.Text.Json;
using HyperMM.Core.Market;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.Hyperliquid.Info;
using HyperMM.Hyperliquid.Json;

namespace HyperMM.Hyperliquid.Streaming;

/// <summary>
/// WebSocket frames both ways: <see cref="Parse"/> for the client (null for a channel this client does not model;
/// <see cref="WireFormatException"/> for a malformed frame), <c>Write…</c> for a server emitting the same shapes.
/// </summary>
public static class WsMessages
{
    /// <summary>The plain-text greeting some servers send on connect; not JSON, ignored.</summary>
    public const string Greeting = "Websocket connection established.";

    public static WsMessage? Parse(ReadOnlySpan<byte> utf8) => JsonRead.Document(utf8, ParseElement);

    public static WsMessage? ParseElement(JsonElement e)
    {
        var channel = JsonRead.Str(e, "channel");
        if (channel == "pong")
        {
            return new WsPong();
        }

        var data = JsonRead.Get(e, "data");
        return channel switch
        {
            "l2Book" => new WsL2Book(L2Book.Parse(data)),
            "trades" => new WsTrades(JsonRead.List(data, ParseTrade)),
            "bbo" => ParseBbo(data),
            "allMids" => new WsAllMids(AllMids.Parse(JsonRead.Get(data, "mids"))),
            "orderUpdates" => new WsOrderUpdates(JsonRead.List(data, ParseOrderUpdate)),
            "userFills" => new WsUserFills(
                JsonRead.OptStr(data, "user") is { } u ? Address.Parse(u) : null,
                JsonRead.OptBool(data, "isSnapshot"),
                JsonRead.List(JsonRead.Get(data, "fills"), UserFill.Parse)),
            "user" => ParseUserEvents(data),
            "subscriptionResponse" => new WsSubscriptionAck(JsonRead.Str(data, "method"), WsSubscription.Parse(JsonRead.Get(data, "subscription"))),
            "error" => new WsError(data.ValueKind == JsonValueKind.String ? data.GetString()! : data.GetRawText()),
            "post" => ParsePost(data),
            _ => null,
        };
    }

    public static WsTrade ParseTrade(JsonElement e)
    {
        var users = JsonRead.Has(e, "users") ? JsonRead.List(JsonRead.Get(e, "users"), u => u.GetString() ?? string.Empty) : [];
        var trade = new Trade(
            new Coin(JsonRead.Str(e, "coin")),
            JsonRead.I64(e, "time"),
            JsonRead.Side(e, "side"),
            JsonRead.Dec(e, "px"),
            JsonRead.Dec(e, "sz"),
            JsonRead.I64(e, "tid"));
        return new WsTrade(trade, JsonRead.OptStr(e, "hash"), users);
    }

    public static OrderUpdate ParseOrderUpdate(JsonElement e)
    {
        var order = VenueOpenOrder.Parse(JsonRead.Get(e, "order")).ToOpenOrder();
        var status = JsonRead.Str(e, "status");
        return new OrderUpdate(order, OrderStates.FromVenueStatus(status), status, JsonRead.I64(e, "statusTimestamp"));
    }

    private static WsBbo ParseBbo(JsonElement data)
    {
        var bbo = JsonRead.Get(data, "bbo");
        BookLevel? bid = bbo[0].ValueKind == JsonValueKind.Null ? null : L2Book.ParseLevel(bbo[0]);
        BookLevel? ask = bbo[1].ValueKind == JsonValueKind.Null ? null : L2Book.ParseLevel(bbo[1]);
        return new WsBbo(new Coin(JsonRead.Str(data, "coin")), JsonRead.I64(data, "time"), bid, ask);
    }

    private static WsUserEvents ParseUserEvents(JsonElement data)
    {
        if (JsonRead.Has(data, "fills"))
        {
            return new WsUserEvents("fills", JsonRead.List(JsonRead.Get(data, "fills"), UserFill.Parse), [], null);
        }

        if (JsonRead.Has(data, "nonUserCancel"))
        {
            var cancels = JsonRead.List(JsonRead.Get(data, "nonUserCancel"), c => (new Coin(JsonRead.Str(c, "coin")), new OrderId(JsonRead.I64(c, "oid"))));
            return new WsUserEvents("nonUserCancel", [], cancels, null);
        }

        var kind = data.ValueKind == JsonValueKind.Object ? data.EnumerateObject().Select(p => p.Name).FirstOrDefault() ?? "unknown" : "unknown";
        return new WsUserEvents(kind, [], [], data.GetRawText());
    }

    private static WsPostResponse ParsePost(JsonElement data)
    {
        var response = JsonRead.Get(data, "response");
        return new WsPostResponse(JsonRead.I64(data, "id"), JsonRead.Str(response, "type"), JsonRead.Get(response, "payload").GetRawText());
    }

    // ---- writers (server side) ----

    public static byte[] WriteL2Book(OrderBookSnapshot book) => Frame("l2Book", w => L2Book.Write(w, book));

    public static byte[] WriteTrades(IReadOnlyList<WsTrade> trades) => Frame("trades", w =>
    {
        w.WriteStartArray();
        foreach (var t in trades)
        {
            w.WriteStartObject();
            w.WriteString("coin", t.Trade.Coin.Name);
            w.WriteString("side", JsonRead.SideText(t.Trade.AggressorSide));
            JsonRead.WriteDec(w, "px", t.Trade.Price);
            JsonRead.WriteDec(w, "sz", t.Trade.Size);
            w.WriteString("hash", t.Hash ?? "0x0000000000000000000000000000000000000000000000000000000000000000");
            w.WriteNumber("time", t.Trade.TimeMs);
            w.WriteNumber("tid", t.Trade.TradeId);
            w.WriteStartArray("users");
            foreach (var u in t.Users)
            {
                w.WriteStringValue(u);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    public static byte[] WriteBbo(WsBbo bbo) => Frame("bbo", w =>
    {
        ArgumentNullException.ThrowIfNull(bbo);
        w.WriteStartObject();
        w.WriteString("coin", bbo.Coin.Name);
        w.WriteNumber("time", bbo.TimeMs);
        w.WriteStartArray("bbo");
        WriteOptLevel(w, bbo.Bid);
        WriteOptLevel(w, bbo.Ask);
        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static byte[] WriteAllMids(AllMids mids) => Frame("allMids", w =>
    {
        w.WriteStartObject();
        w.WritePropertyName("mids");
        mids.Write(w);
        w.WriteEndObject();
    });

    public static byte[] WriteOrderUpdates(IReadOnlyList<OrderUpdate> updates) => Frame("orderUpdates", w =>
    {
        w.WriteStartArray();
        foreach (var u in updates)
        {
            w.WriteStartObject();
            w.WritePropertyName("order");
            VenueOpenOrder.From(u.Order).Write(w);
            w.WriteString("status", u.Status);
            w.WriteNumber("statusTimestamp", u.StatusTimeMs);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    public static byte[] WriteUserFills(Address user, bool isSnapshot, IReadOnlyList<UserFill> fills) => Frame("userFills", w =>
    {
        w.WriteStartObject();
        if (isSnapshot)
        {
            w.WriteBoolean("isSnapshot", true);
        }

        w.WriteString("user", user.Hex);
        WriteFills(w, fills);
        w.WriteEndObject();
    });

    public static byte[] WriteUserEventFills(IReadOnlyList<UserFill> fills) => Frame("user", w =>
    {
        w.WriteStartObject();
        WriteFills(w, fills);
        w.WriteEndObject();
    });

    public static byte[] WritePong() => JsonRead.ToUtf8(w =>
    {
        w.WriteStartObject();
        w.WriteString("channel", "pong");
        w.WriteEndObject();
    });

    public static byte[] WriteSubscriptionAck(string method, WsSubscription subscription) => Frame("subscriptionResponse", w =>
    {
        w.WriteStartObject();
        w.WriteString("method", method);
        w.WritePropertyName("subscription");
        subscription.Write(w);
        w.WriteEndObject();
    });

    public static byte[] WriteError(string text) => Frame("error", w => w.WriteStringValue(text));

    /// <summary><c>{"channel":"post","data":{"id":n,"response":{"type":type,"payload":&lt;payloadJson&gt;}}}</c>.</summary>
    public static byte[] WritePostResponse(long id, string type, ReadOnlySpan<byte> payloadJson)
    {
        var payload = payloadJson.ToArray();
        return Frame("post", w =>
        {
            w.WriteStartObject();
            w.WriteNumber("id", id);
            w.WriteStartObject("response");
            w.WriteString("type", type);
            w.WritePropertyName("payload");
            w.WriteRawValue(payload);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    /// <summary><c>{"method":"post","id":n,"request":{"type":"action","payload":&lt;exchange request&gt;}}</c>.</summary>
    public static byte[] WritePostActionRequest(long id, ReadOnlySpan<byte> exchangeRequestJson)
    {
        var payload = exchangeRequestJson.ToArray();
        return JsonRead.ToUtf8(w =>
        {
            w.WriteStartObject();
            w.WriteString("method", "post");
            w.WriteNumber("id", id);
            w.WriteStartObject("request");
            w.WriteString("type", "action");
            w.WritePropertyName("payload");
            w.WriteRawValue(payload);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    public static byte[] Ping { get; } = """{"method":"ping"}"""u8.ToArray();

    private static void WriteFills(Utf8JsonWriter w, IReadOnlyList<UserFill> fills)
    {
        w.WriteStartArray("fills");
        foreach (var f in fills)
        {
            f.Write(w);
        }

        w.WriteEndArray();
    }

    private static void WriteOptLevel(Utf8JsonWriter w, BookLevel? level)
    {
        if (level is { } l)
        {
            L2Book.WriteLevel(w, l);
        }
        else
        {
            w.WriteNullValue();
        }
    }

    /// <summary>One pushed frame: <c>{"channel":…,"data":…}</c> (every writer above goes through it; so does a server).</summary>
    public static byte[] Frame(string channel, Action<Utf8JsonWriter> writeData) => JsonRead.ToUtf8(w =>
    {
        w.WriteStartObject();
        w.WriteString("channel", channel);
        w.WritePropertyName("data");
        writeData(w);
        w.WriteEndObject();
    });
}
