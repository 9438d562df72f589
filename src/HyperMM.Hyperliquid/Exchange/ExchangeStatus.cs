using System.Text.Json;
using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Json;

namespace HyperMM.Hyperliquid.Exchange;

/// <summary>One entry of <c>statuses</c>, parseable and writable (the local exchange emits the same shapes).</summary>
public sealed record ExchangeStatus(ExchangeStatusKind Kind, OrderId? Oid = null, Cloid? Cloid = null, decimal TotalSz = 0m, decimal AvgPx = 0m, string? Error = null)
{
    public static ExchangeStatus Success { get; } = new(ExchangeStatusKind.Success);

    public static ExchangeStatus Resting(OrderId oid, Cloid? cloid = null) => new(ExchangeStatusKind.Resting, oid, cloid);

    public static ExchangeStatus Filled(OrderId oid, decimal totalSz, decimal avgPx, Cloid? cloid = null) => new(ExchangeStatusKind.Filled, oid, cloid, totalSz, avgPx);

    public static ExchangeStatus Rejected(string error) => new(ExchangeStatusKind.Error, Error: error);

    public static ExchangeStatus Parse(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.String)
        {
            return e.GetString() switch
            {
                "success" => Success,
                "waitingForFill" => new ExchangeStatus(ExchangeStatusKind.WaitingForFill),
                "waitingForTrigger" => new ExchangeStatus(ExchangeStatusKind.WaitingForTrigger),
                var other => throw new WireFormatException($"response: unknown status '{other}'."),
            };
        }

        if (JsonRead.Has(e, "resting"))
        {
            var r = JsonRead.Get(e, "resting");
            return Resting(new OrderId(JsonRead.I64(r, "oid")), JsonRead.OptCloid(r, "cloid"));
        }

        if (JsonRead.Has(e, "filled"))
        {
            var f = JsonRead.Get(e, "filled");
            return Filled(new OrderId(JsonRead.I64(f, "oid")), JsonRead.Dec(f, "totalSz"), JsonRead.Dec(f, "avgPx"), JsonRead.OptCloid(f, "cloid"));
        }

        if (JsonRead.Has(e, "error"))
        {
            return Rejected(JsonRead.Str(e, "error"));
        }

        throw new WireFormatException($"response: unknown status shape {e.GetRawText()}.");
    }

    public void Write(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (Kind)
        {
            case ExchangeStatusKind.Success:
                writer.WriteStringValue("success");
                return;
            case ExchangeStatusKind.WaitingForFill:
                writer.WriteStringValue("waitingForFill");
                return;
            case ExchangeStatusKind.WaitingForTrigger:
                writer.WriteStringValue("waitingForTrigger");
                return;
            case ExchangeStatusKind.Error:
                writer.WriteStartObject();
                writer.WriteString("error", Error);
                writer.WriteEndObject();
                return;
            case ExchangeStatusKind.Resting:
                writer.WriteStartObject();
                writer.WriteStartObject("resting");
                writer.WriteNumber("oid", Oid!.Value.Value);
                WriteCloid(writer);
                writer.WriteEndObject();
                writer.WriteEndObject();
                return;
            case ExchangeStatusKind.Filled:
                writer.WriteStartObject();
                writer.WriteStartObject("filled");
                JsonRead.WriteDec(writer, "totalSz", TotalSz);
                JsonRead.WriteDec(writer, "avgPx", AvgPx);
                writer.WriteNumber("oid", Oid!.Value.Value);
                WriteCloid(writer);
                writer.WriteEndObject();
                writer.WriteEndObject();
                return;
            default:
                throw new InvalidOperationException($"Unknown status kind {Kind}.");
        }
    }

    private void WriteCloid(Utf8JsonWriter writer)
    {
        if (Cloid is { } cloid)
        {
            writer.WriteString("cloid", cloid.ToString());
        }
    }
}
