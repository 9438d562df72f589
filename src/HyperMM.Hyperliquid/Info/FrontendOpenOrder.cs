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

    public void Write(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        Order.WriteFields(writer);
        if (!Order.ReduceOnly)
        {
            writer.WriteBoolean("reduceOnly", false);
        }

        writer.WriteBoolean("isTrigger", IsTrigger);
        writer.WriteBoolean("isPositionTpsl", IsPositionTpsl);
        writer.WriteString("orderType", OrderType);
        if (Tif is null)
        {
            writer.WriteNull("tif");
        }
        else
        {
            writer.WriteString("tif", Tif);
        }

        JsonRead.WriteDec(writer, "triggerPx", TriggerPx);
        writer.WriteString("triggerCondition", TriggerCondition);
        writer.WriteStartArray("children");
        foreach (var child in Children)
        {
            child.Write(writer);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
