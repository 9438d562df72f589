using System.Text.Json;
using HyperMM.Hyperliquid.Json;

namespace HyperMM.Hyperliquid.Info;

/// <summary>
/// One entry of <c>meta.marginTables</c>, on the wire a pair
/// <c>[id, {"description":"tiered 40x","marginTiers":[{"lowerBound":"0.0","maxLeverage":40}, …]}]</c>;
/// <c>meta.universe[i].marginTableId</c> points at it (PROTOCOL §1.4).
/// </summary>
public sealed record MarginTable(int Id, string Description, IReadOnlyList<MarginTier> Tiers)
{
    public static MarginTable Parse(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() != 2 || e[0].ValueKind != JsonValueKind.Number || !e[0].TryGetInt32(out var id))
        {
            throw new WireFormatException("response: a marginTables entry must be [id, {description, marginTiers}].");
        }

        var table = e[1];
        return new MarginTable(id, JsonRead.OptStr(table, "description") ?? string.Empty, JsonRead.List(JsonRead.Get(table, "marginTiers"), MarginTier.Parse));
    }

    public void Write(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        writer.WriteNumberValue(Id);
        writer.WriteStartObject();
        writer.WriteString("description", Description);
        writer.WriteStartArray("marginTiers");
        foreach (var tier in Tiers)
        {
            tier.Write(writer);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
    }
}
