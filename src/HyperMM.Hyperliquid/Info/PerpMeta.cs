using System.Text.Json;
using HyperMM.Core.Instruments;
using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Json;

namespace HyperMM.Hyperliquid.Info;

/// <summary>
/// <c>meta</c>: the perp universe, the margin tables its entries point at (<c>marginTableId</c>; absent in old
/// recordings, then empty) and the collateral token.
/// </summary>
public sealed record PerpMeta(IReadOnlyList<PerpAssetInfo> Universe, int? CollateralToken, IReadOnlyList<MarginTable>? MarginTables = null)
{
    public static PerpMeta Parse(JsonElement e) => new(
        JsonRead.List(JsonRead.Get(e, "universe"), PerpAssetInfo.Parse),
        JsonRead.Has(e, "collateralToken") ? JsonRead.I32(e, "collateralToken") : null,
        JsonRead.Has(e, "marginTables") ? JsonRead.List(JsonRead.Get(e, "marginTables"), MarginTable.Parse) : []);

    /// <summary>The asset id of a coin (its index in the universe), or null when unknown.</summary>
    public AssetId? FindAsset(Coin coin)
    {
        for (var i = 0; i < Universe.Count; i++)
        {
            if (string.Equals(Universe[i].Name, coin.Name, StringComparison.Ordinal))
            {
                return new AssetId(i);
            }
        }

        return null;
    }

    public InstrumentSpec? FindInstrument(Coin coin)
        => FindAsset(coin) is { } id
            ? InstrumentSpec.HyperliquidPerp(coin, id, Universe[id.Value].SzDecimals, Universe[id.Value].MaxLeverage)
            : null;

    public void Write(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WritePropertyName("universe");
        writer.WriteStartArray();
        foreach (var asset in Universe)
        {
            asset.Write(writer);
        }

        writer.WriteEndArray();
        writer.WritePropertyName("marginTables");
        writer.WriteStartArray();
        foreach (var table in MarginTables ?? [])
        {
            table.Write(writer);
        }

        writer.WriteEndArray();
        if (CollateralToken is { } token)
        {
            writer.WriteNumber("collateralToken", token);
        }

        writer.WriteEndObject();
    }
}
