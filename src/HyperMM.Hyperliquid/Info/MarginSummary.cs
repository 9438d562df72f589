using System.Text.Json;
using HyperMM.Hyperliquid.Json;

namespace HyperMM.Hyperliquid.Info;

/// <summary><c>marginSummary</c> / <c>crossMarginSummary</c>.</summary>
public sealed record MarginSummary(decimal AccountValue, decimal TotalMarginUsed, decimal TotalNtlPos, decimal TotalRawUsd)
{
    public static MarginSummary Parse(JsonElement e) => new(
        JsonRead.Dec(e, "accountValue"), JsonRead.Dec(e, "totalMarginUsed"), JsonRead.Dec(e, "totalNtlPos"), JsonRead.Dec(e, "totalRawUsd"));

    public void Write(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        JsonRead.WriteDec(writer, "accountValue", AccountValue);
        JsonRead.WriteDec(writer, "totalMarginUsed", TotalMarginUsed);
        JsonRead.WriteDec(writer, "totalNtlPos", TotalNtlPos);
        JsonRead.WriteDec(writer, "totalRawUsd", TotalRawUsd);
        writer.WriteEndObject();
    }
}
