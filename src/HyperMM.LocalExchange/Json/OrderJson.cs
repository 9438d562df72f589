using System.Text.Json;
using HyperMM.Core.Trading;
using HyperMM.Hyperliquid.Info;

namespace HyperMM.LocalExchange.Json;

/// <summary>One <c>orderUpdates</c> push item (PROTOCOL §6.2): <c>{"order":{…},"status":"…","statusTimestamp":ms}</c>.</summary>
public static class OrderJson
{
    public static void WriteUpdate(Utf8JsonWriter w, OrderUpdate u)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(u);
        w.WriteStartObject();
        w.WritePropertyName("order");
        VenueOpenOrder.From(u.Order).Write(w);
        w.WriteString("status", u.Status);
        w.WriteNumber("statusTimestamp", u.StatusTimeMs);
        w.WriteEndObject();
    }
}
