using System.Text.Json;
using HyperMM.Hyperliquid.Json;

namespace HyperMM.Hyperliquid.Info;

/// <summary><c>metaAndAssetCtxs</c>: <c>[meta, ctxs]</c> with <c>ctxs[i]</c> aligned to <c>meta.universe[i]</c>.</summary>
public sealed record MetaAndAssetContexts(PerpMeta Meta, IReadOnlyList<PerpAssetContext> Contexts)
{
    public static MetaAndAssetContexts Parse(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() != 2)
        {
            throw new WireFormatException("response: metaAndAssetCtxs must be a 2-element array [meta, ctxs].");
        }

        return new MetaAndAssetContexts(PerpMeta.Parse(e[0]), JsonRead.List(e[1], PerpAssetContext.Parse));
    }

    public void Write(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        Meta.Write(writer);
        writer.WriteStartArray();
        foreach (var ctx in Contexts)
        {
            ctx.Write(writer);
        }

        writer.WriteEndArray();
        writer.WriteEndArray();
    }
}
