using System.Text.Json;
using HyperMM.Core.Trading;

namespace HyperMM.LocalExchange.Json;

/// <summary>/exchange answers (PROTOCOL §2.4, §2.5): ok with statuses, ok default, or a whole-action error.</summary>
public static class ExchangeResponseJson
{
    public static byte[] Err(string message) => JsonBytes.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("status", "err");
        w.WriteString("response", message);
        w.WriteEndObject();
    });

    public static byte[] Default() => JsonBytes.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("status", "ok");
        w.WriteStartObject("response");
        w.WriteString("type", "default");
        w.WriteEndObject();
        w.WriteEndObject();
    });

    /// <summary><c>{"status":"ok","response":{"type":"order","data":{"statuses":[…]}}}</c>.</summary>
    public static byte[] OrderStatuses(IReadOnlyList<OrderResult> results) => Statuses("order", results.Count, (w, i) => WriteOrderStatus(w, results[i]));

    /// <summary><c>{"status":"ok","response":{"type":"cancel","data":{"statuses":["success", {"error":"…"}]}}}</c>.</summary>
    public static byte[] CancelStatuses(IReadOnlyList<CancelResult> results) => Statuses("cancel", results.Count, (w, i) =>
    {
        var r = results[i];
        if (r.Success)
        {
            w.WriteStringValue("success");
        }
        else
        {
            w.WriteStartObject();
            w.WriteString("error", r.Message ?? "Order was never placed, already canceled, or filled.");
            w.WriteEndObject();
        }
    });

    public static void WriteOrderStatus(Utf8JsonWriter w, OrderResult r)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartObject();
        switch (r.Kind)
        {
            case OrderResultKind.Resting:
                w.WriteStartObject("resting");
                w.WriteNumber("oid", r.OrderId.Value);
                if (r.Cloid is { } rc)
                {
                    w.WriteString("cloid", rc.ToString());
                }

                w.WriteEndObject();
                break;
            case OrderResultKind.Filled:
                w.WriteStartObject("filled");
                w.WriteString("totalSz", Num.Format(r.FilledSize));
                w.WriteString("avgPx", Num.Format(r.AveragePrice));
                w.WriteNumber("oid", r.OrderId.Value);
                if (r.Cloid is { } fc)
                {
                    w.WriteString("cloid", fc.ToString());
                }

                w.WriteEndObject();
                break;
            default:
                w.WriteString("error", r.Message ?? "Order has invalid price.");
                break;
        }

        w.WriteEndObject();
    }

    private static byte[] Statuses(string type, int count, Action<Utf8JsonWriter, int> item) => JsonBytes.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("status", "ok");
        w.WriteStartObject("response");
        w.WriteString("type", type);
        w.WriteStartObject("data");
        w.WriteStartArray("statuses");
        for (var i = 0; i < count; i++)
        {
            item(w, i);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    });
}
