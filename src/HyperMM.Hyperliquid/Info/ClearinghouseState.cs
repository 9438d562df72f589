using System.Text.Json;
using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Json;

namespace HyperMM.Hyperliquid.Info;

/// <summary><c>clearinghouseState</c>: positions and margin of one account (flat coins are absent).</summary>
public sealed record ClearinghouseState(
    IReadOnlyList<PerpPosition> AssetPositions,
    MarginSummary MarginSummary,
    MarginSummary CrossMarginSummary,
    decimal CrossMaintenanceMarginUsed,
    decimal Withdrawable,
    long TimeMs)
{
    public static ClearinghouseState Parse(JsonElement e) => new(
        JsonRead.List(JsonRead.Get(e, "assetPositions"), p => PerpPosition.Parse(JsonRead.Get(p, "position"))),
        MarginSummary.Parse(JsonRead.Get(e, "marginSummary")),
        MarginSummary.Parse(JsonRead.Get(e, "crossMarginSummary")),
        JsonRead.OptDec(e, "crossMaintenanceMarginUsed") ?? 0m,
        JsonRead.Dec(e, "withdrawable"),
        JsonRead.OptLong(e, "time") ?? 0);

    public PerpPosition? PositionOf(Coin coin) => AssetPositions.FirstOrDefault(p => p.Coin == coin);

    public void Write(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteStartArray("assetPositions");
        foreach (var position in AssetPositions)
        {
            position.Write(writer);
        }

        writer.WriteEndArray();
        JsonRead.WriteDec(writer, "crossMaintenanceMarginUsed", CrossMaintenanceMarginUsed);
        writer.WritePropertyName("crossMarginSummary");
        CrossMarginSummary.Write(writer);
        writer.WritePropertyName("marginSummary");
        MarginSummary.Write(writer);
        writer.WriteNumber("time", TimeMs);
        JsonRead.WriteDec(writer, "withdrawable", Withdrawable);
        writer.WriteEndObject();
    }
}
