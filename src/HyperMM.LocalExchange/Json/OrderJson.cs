using System.Text.Json;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;

namespace HyperMM.LocalExchange.Json;

/// <summary>Orders as /info and the WebSocket print them (PROTOCOL §1.4 openOrders / frontendOpenOrders / orderStatus, §6.2 orderUpdates).</summary>
public static class OrderJson
{
    public static string SideCode(Side side) => side == Side.Buy ? "B" : "A";

    public static string TifName(TimeInForce tif) => tif switch
    {
        TimeInForce.Alo => "Alo",
        TimeInForce.Ioc => "Ioc",
        _ => "Gtc",
    };

    /// <summary><c>openOrders</c> item.</summary>
    public static void WriteOpen(Utf8JsonWriter w, OpenOrder o)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(o);
        w.WriteStartObject();
        w.WriteString("coin", o.Coin.Name);
        w.WriteString("side", SideCode(o.Side));
        w.WriteString("limitPx", Num.Format(o.Price));
        w.WriteString("sz", Num.Format(o.Size));
        w.WriteNumber("oid", o.OrderId.Value);
        w.WriteNumber("timestamp", o.TimestampMs);
        w.WriteString("origSz", Num.Format(o.OriginalSize));
        if (o.Cloid is { } c)
        {
            w.WriteString("cloid", c.ToString());
        }

        if (o.ReduceOnly)
        {
            w.WriteBoolean("reduceOnly", true);
        }

        w.WriteEndObject();
    }

    /// <summary><c>frontendOpenOrders</c> item (also the inner order of <c>orderStatus</c>).</summary>
    public static void WriteFrontend(Utf8JsonWriter w, OpenOrder o, TimeInForce? tif)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(o);
        w.WriteStartObject();
        w.WriteString("coin", o.Coin.Name);
        w.WriteString("side", SideCode(o.Side));
        w.WriteString("limitPx", Num.Format(o.Price));
        w.WriteString("sz", Num.Format(o.Size));
        w.WriteNumber("oid", o.OrderId.Value);
        w.WriteNumber("timestamp", o.TimestampMs);
        w.WriteString("triggerCondition", "N/A");
        w.WriteBoolean("isTrigger", false);
        w.WriteString("triggerPx", "0.0");
        w.WriteStartArray("children");
        w.WriteEndArray();
        w.WriteBoolean("isPositionTpsl", false);
        w.WriteBoolean("reduceOnly", o.ReduceOnly);
        w.WriteString("orderType", "Limit");
        w.WriteString("origSz", Num.Format(o.OriginalSize));
        if (tif is { } t)
        {
            w.WriteString("tif", TifName(t));
        }
        else
        {
            w.WriteNull("tif");
        }

        if (o.Cloid is { } c)
        {
            w.WriteString("cloid", c.ToString());
        }
        else
        {
            w.WriteNull("cloid");
        }

        w.WriteEndObject();
    }

    /// <summary>One <c>orderUpdates</c> item: <c>{"order":{…},"status":"…","statusTimestamp":ms}</c>.</summary>
    public static void WriteUpdate(Utf8JsonWriter w, OrderUpdate u)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(u);
        w.WriteStartObject();
        w.WritePropertyName("order");
        var o = u.Order;
        w.WriteStartObject();
        w.WriteString("coin", o.Coin.Name);
        w.WriteString("side", SideCode(o.Side));
        w.WriteString("limitPx", Num.Format(o.Price));
        w.WriteString("sz", Num.Format(o.Size));
        w.WriteNumber("oid", o.OrderId.Value);
        w.WriteNumber("timestamp", o.TimestampMs);
        w.WriteString("origSz", Num.Format(o.OriginalSize));
        if (o.Cloid is { } c)
        {
            w.WriteString("cloid", c.ToString());
        }

        w.WriteEndObject();
        w.WriteString("status", u.Status);
        w.WriteNumber("statusTimestamp", u.StatusTimeMs);
        w.WriteEndObject();
    }
}
