using System.Text.Json;
using HyperMM.Hyperliquid.Json;

namespace HyperMM.Hyperliquid.Info;

/// <summary>One entry of <c>meta.universe</c>; its index is the asset id (delisted coins keep their index).</summary>
public sealed record PerpAssetInfo(string Name, int SzDecimals, int MaxLeverage, bool OnlyIsolated, bool IsDelisted, int? MarginTableId, string? MarginMode)
{
    public static PerpAssetInfo Parse(JsonElement e) => new(
        JsonRead.Str(e, "name"),
        JsonRead.I32(e, "szDecimals"),
        JsonRead.I32(e, "maxLeverage"),
        JsonRead.OptBool(e, "onlyIsolated"),
        JsonRead.OptBool(e, "isDelisted"),
        JsonRead.Has(e, "marginTableId") ? JsonRead.I32(e, "marginTableId") : null,
        JsonRead.OptStr(e, "marginMode"));

    public void Write(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("name", Name);
        writer.WriteNumber("szDecimals", SzDecimals);
        writer.WriteNumber("maxLeverage", MaxLeverage);
        if (MarginTableId is { } table)
        {
            writer.WriteNumber("marginTableId", table);
        }

        if (OnlyIsolated)
        {
            writer.WriteBoolean("onlyIsolated", true);
        }

        if (IsDelisted)
        {
            writer.WriteBoolean("isDelisted", true);
        }

        if (MarginMode is not null)
        {
            writer.WriteString("marginMode", MarginMode);
        }

        writer.WriteEndObject();
    }
}
