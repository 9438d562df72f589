using System.Text.Json;
using HyperMM.Hyperliquid.Json;

namespace HyperMM.Hyperliquid.Info;

/// <summary>
/// <c>frontendOpenOrders</c> entry (also the order inside <c>orderStatus</c>): the basic order plus trigger/tif
/// details. <see cref="Tif"/> is null for triggers.
/// </summary>
public sealed record FrontendOpenOrder(
    VenueOpenOrder Order,
    bool IsTrigger,
    bool IsPositionTpsl,
    string OrderType,
    string? Tif,
    decimal TriggerPx,
    string TriggerCondition,
    IReadOnlyList<FrontendOpenOrder> Children)
{
    public static FrontendOpenOrder Parse(JsonElement e) => new(
        VenueOpenOrder.Parse(e),
        JsonRead.OptBool(e, "isTrigger"),
        JsonRead.OptBool(e, "isPositionTpsl"),
        JsonRead.OptStr(e, "orderType") ?? "Limit",
        JsonRead.OptStr(e, "tif"),
        JsonRead.OptDec(e, "triggerPx") ?? 0m,
        JsonRead.OptStr(e, "triggerCondition") ?? "N/A",
        JsonRead.Has(e, "children") ? JsonRead.List(JsonRead.Get(e, "children"), Parse) : []);

    /// <summary>
    /// Written in the venue's key order (recorded <c>historicalOrders</c> cassette): <c>cloid</c> is always
    /// present, <c>null</c> when the order has none; <c>origSz</c> falls back to <c>sz</c>.
    /// </summary>
    public void Write(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("coin", Order.Coin.Name);
        writer.WriteString("side", JsonRead.SideText(Order.Side));
        JsonRead.WriteDec(writer, "limitPx", Order.LimitPx);
        JsonRead.WriteDec(writer, "sz", Order.Sz);
        writer.WriteNumber("oid", Order.Oid.Value);
        writer.WriteNumber("timestamp", Order.Timestamp);
        writer.WriteString("triggerCondition", TriggerCondition);
        writer.WriteBoolean("isTrigger", IsTrigger);
        JsonRead.WriteDec(writer, "triggerPx", TriggerPx);
        writer.WriteStartArray("children");
        foreach (var child in Children)
        {
            child.Write(writer);
        }

        writer.WriteEndArray();
        writer.WriteBoolean("isPositionTpsl", IsPositionTpsl);
        writer.WriteBoolean("reduceOnly", Order.ReduceOnly);
        writer.WriteString("orderType", OrderType);
        JsonRead.WriteDec(writer, "origSz", Order.OrigSz ?? Order.Sz);
        if (Tif is null)
        {
            writer.WriteNull("tif");
        }
        else
        {
            writer.WriteString("tif", Tif);
        }

        if (Order.Cloid is { } cloid)
        {
            writer.WriteString("cloid", cloid.ToString());
        }
        else
        {
            writer.WriteNull("cloid");
        }

        writer.WriteEndObject();
    }
}
