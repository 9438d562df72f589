using System.Text.Json;
using HyperMM.Hyperliquid.Json;

namespace HyperMM.Hyperliquid.Info;

/// <summary><c>{"type":"cross"|"isolated","value":20[,"rawUsd":"…"]}</c>.</summary>
public sealed record PositionLeverage(bool IsCross, int Value, decimal? RawUsd)
{
    public static PositionLeverage Parse(JsonElement e) => new(
        JsonRead.Str(e, "type") == "cross", JsonRead.I32(e, "value"), JsonRead.OptDec(e, "rawUsd"));

    public void Write(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("type", IsCross ? "cross" : "isolated");
        writer.WriteNumber("value", Value);
        if (RawUsd is { } raw)
        {
            JsonRead.WriteDec(writer, "rawUsd", raw);
        }

        writer.WriteEndObject();
    }
}
