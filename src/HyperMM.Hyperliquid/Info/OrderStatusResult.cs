using System.Text.Json;
using HyperMM.Core.Trading;
using HyperMM.Hyperliquid.Json;

namespace HyperMM.Hyperliquid.Info;

/// <summary>
/// <c>orderStatus</c>: found → <c>{"status":"order","order":{"order":{…},"status":"open",…,"statusTimestamp":ms}}</c>;
/// not found → <c>{"status":"unknownOid"}</c> (then <see cref="Order"/> is null).
/// </summary>
public sealed record OrderStatusResult(FrontendOpenOrder? Order, string Status, long StatusTimestamp)
{
    public static OrderStatusResult Unknown { get; } = new(null, "unknownOid", 0);

    public bool Found => Order is not null;

    /// <summary>The venue status folded into Core's states (unknown strings → other terminal).</summary>
    public OrderState State => Found ? OrderStates.FromVenueStatus(Status) : OrderState.Unknown;

    public static OrderStatusResult Parse(JsonElement e)
    {
        if (JsonRead.Str(e, "status") != "order")
        {
            return Unknown;
        }

        var inner = JsonRead.Get(e, "order");
        return new OrderStatusResult(
            FrontendOpenOrder.Parse(JsonRead.Get(inner, "order")),
            JsonRead.Str(inner, "status"),
            JsonRead.I64(inner, "statusTimestamp"));
    }

    public void Write(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        if (Order is null)
        {
            writer.WriteString("status", "unknownOid");
        }
        else
        {
            writer.WriteString("status", "order");
            writer.WriteStartObject("order");
            writer.WritePropertyName("order");
            Order.Write(writer);
            writer.WriteString("status", Status);
            writer.WriteNumber("statusTimestamp", StatusTimestamp);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
