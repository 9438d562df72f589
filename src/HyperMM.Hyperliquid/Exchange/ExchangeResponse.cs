using System.Text.Json;
using HyperMM.Hyperliquid.Json;

namespace HyperMM.Hyperliquid.Exchange;

/// <summary>
/// The body of an HTTP-200 /exchange answer (PROTOCOL §2.4–2.5), both ways:
/// <c>{"status":"ok","response":{"type":"order"|"cancel","data":{"statuses":[…]}}}</c>,
/// <c>{"status":"ok","response":{"type":"default"}}</c> or <c>{"status":"err","response":"&lt;text&gt;"}</c>.
/// </summary>
public sealed record ExchangeResponse(bool IsOk, string? Error, string ResponseType, IReadOnlyList<ExchangeStatus> Statuses)
{
    public static ExchangeResponse Default { get; } = new(true, null, "default", []);

    public static ExchangeResponse Err(string message) => new(false, message, "error", []);

    public static ExchangeResponse Order(IReadOnlyList<ExchangeStatus> statuses) => new(true, null, "order", statuses);

    public static ExchangeResponse Cancel(IReadOnlyList<ExchangeStatus> statuses) => new(true, null, "cancel", statuses);

    public static ExchangeResponse Parse(ReadOnlySpan<byte> utf8) => JsonRead.Document(utf8, Parse);

    public static ExchangeResponse Parse(JsonElement e)
    {
        var status = JsonRead.Str(e, "status");
        var response = JsonRead.Get(e, "response");
        if (status != "ok")
        {
            return Err(response.ValueKind == JsonValueKind.String ? response.GetString()! : response.GetRawText());
        }

        var type = JsonRead.Str(response, "type");
        if (!JsonRead.Has(response, "data"))
        {
            return new ExchangeResponse(true, null, type, []);
        }

        var data = JsonRead.Get(response, "data");
        var statuses = JsonRead.Has(data, "statuses") ? JsonRead.List(JsonRead.Get(data, "statuses"), ExchangeStatus.Parse) : [];
        return new ExchangeResponse(true, null, type, statuses);
    }

    public void Write(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        if (!IsOk)
        {
            writer.WriteString("status", "err");
            writer.WriteString("response", Error);
        }
        else
        {
            writer.WriteString("status", "ok");
            writer.WriteStartObject("response");
            writer.WriteString("type", ResponseType);
            if (ResponseType != "default")
            {
                writer.WriteStartObject("data");
                writer.WriteStartArray("statuses");
                foreach (var status in Statuses)
                {
                    status.Write(writer);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    public byte[] ToUtf8() => JsonRead.ToUtf8(Write);
}
