using System.Text.Json;
using HyperMM.Hyperliquid.Json;

namespace HyperMM.Hyperliquid.Info;

/// <summary>One tier of a margin table: from <see cref="LowerBound"/> USD of position notional, at most <see cref="MaxLeverage"/>.</summary>
public sealed record MarginTier(decimal LowerBound, int MaxLeverage)
{
    public static MarginTier Parse(JsonElement e) => new(JsonRead.Dec(e, "lowerBound"), JsonRead.I32(e, "maxLeverage"));

    public void Write(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        JsonRead.WriteDec(writer, "lowerBound", LowerBound);
        writer.WriteNumber("maxLeverage", MaxLeverage);
        writer.WriteEndObject();
    }
}
