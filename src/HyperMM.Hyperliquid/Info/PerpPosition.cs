using System.Text.Json;
using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Json;

namespace HyperMM.Hyperliquid.Info;

/// <summary>
/// One <c>assetPositions[i].position</c>. <see cref="Szi"/> is signed (positive long). Entry and liquidation
/// prices may be null.
/// </summary>
public sealed record PerpPosition(
    Coin Coin,
    decimal Szi,
    decimal? EntryPx,
    decimal PositionValue,
    decimal UnrealizedPnl,
    decimal ReturnOnEquity,
    decimal? LiquidationPx,
    decimal MarginUsed,
    PositionLeverage Leverage,
    int? MaxLeverage,
    decimal? CumFundingAllTime)
{
    public static PerpPosition Parse(JsonElement e) => new(
        new Coin(JsonRead.Str(e, "coin")),
        JsonRead.Dec(e, "szi"),
        JsonRead.OptDec(e, "entryPx"),
        JsonRead.Dec(e, "positionValue"),
        JsonRead.Dec(e, "unrealizedPnl"),
        JsonRead.Dec(e, "returnOnEquity"),
        JsonRead.OptDec(e, "liquidationPx"),
        JsonRead.Dec(e, "marginUsed"),
        PositionLeverage.Parse(JsonRead.Get(e, "leverage")),
        JsonRead.Has(e, "maxLeverage") ? JsonRead.I32(e, "maxLeverage") : null,
        JsonRead.Has(e, "cumFunding") ? JsonRead.Dec(JsonRead.Get(e, "cumFunding"), "allTime") : null);

    /// <summary>Writes <c>{"type":"oneWay","position":{…}}</c> (an <c>assetPositions</c> entry).</summary>
    public void Write(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("type", "oneWay");
        writer.WriteStartObject("position");
        writer.WriteString("coin", Coin.Name);
        JsonRead.WriteDec(writer, "szi", Szi);
        writer.WritePropertyName("leverage");
        Leverage.Write(writer);
        JsonRead.WriteOptDec(writer, "entryPx", EntryPx);
        JsonRead.WriteDec(writer, "positionValue", PositionValue);
        JsonRead.WriteDec(writer, "unrealizedPnl", UnrealizedPnl);
        JsonRead.WriteDec(writer, "returnOnEquity", ReturnOnEquity);
        JsonRead.WriteOptDec(writer, "liquidationPx", LiquidationPx);
        JsonRead.WriteDec(writer, "marginUsed", MarginUsed);
        if (MaxLeverage is { } max)
        {
            writer.WriteNumber("maxLeverage", max);
        }

        if (CumFundingAllTime is { } funding)
        {
            writer.WriteStartObject("cumFunding");
            JsonRead.WriteDec(writer, "allTime", funding);
            JsonRead.WriteDec(writer, "sinceOpen", 0m);
            JsonRead.WriteDec(writer, "sinceChange", 0m);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
