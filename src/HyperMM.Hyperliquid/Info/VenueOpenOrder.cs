using System.Text.Json;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.Hyperliquid.Json;

namespace HyperMM.Hyperliquid.Info;

/// <summary>
/// An order as <c>openOrders</c>, WS <c>orderUpdates</c> and (with extra fields) <c>frontendOpenOrders</c> list it:
/// <c>{"coin","side","limitPx","sz","oid","timestamp","origSz"?,"cloid"?,"reduceOnly"?}</c>. <c>sz</c> = remaining.
/// </summary>
public sealed record VenueOpenOrder(Coin Coin, Side Side, decimal LimitPx, decimal Sz, OrderId Oid, long Timestamp, decimal? OrigSz, Cloid? Cloid, bool ReduceOnly)
{
    public static VenueOpenOrder Parse(JsonElement e) => new(
        new Coin(JsonRead.Str(e, "coin")),
        JsonRead.Side(e, "side"),
        JsonRead.Dec(e, "limitPx"),
        JsonRead.Dec(e, "sz"),
        new OrderId(JsonRead.I64(e, "oid")),
        JsonRead.I64(e, "timestamp"),
        JsonRead.OptDec(e, "origSz"),
        JsonRead.OptCloid(e, "cloid"),
        JsonRead.OptBool(e, "reduceOnly"));

    public OpenOrder ToOpenOrder() => new(Coin, Oid, Cloid, Side, LimitPx, Sz, OrigSz ?? Sz, Timestamp, ReduceOnly);

    public static VenueOpenOrder From(OpenOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new(order.Coin, order.Side, order.Price, order.Size, order.OrderId, order.TimestampMs, order.OriginalSize, order.Cloid, order.ReduceOnly);
    }

    public void Write(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        WriteFields(writer);
        writer.WriteEndObject();
    }

    private void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("coin", Coin.Name);
        writer.WriteString("side", JsonRead.SideText(Side));
        JsonRead.WriteDec(writer, "limitPx", LimitPx);
        JsonRead.WriteDec(writer, "sz", Sz);
        writer.WriteNumber("oid", Oid.Value);
        writer.WriteNumber("timestamp", Timestamp);
        if (OrigSz is { } orig)
        {
            JsonRead.WriteDec(writer, "origSz", orig);
        }

        if (Cloid is { } cloid)
        {
            writer.WriteString("cloid", cloid.ToString());
        }

        if (ReduceOnly)
        {
            writer.WriteBoolean("reduceOnly", true);
        }
    }
}
