using System.Text.Json;
using HyperMM.Hyperliquid.Json;

namespace HyperMM.Hyperliquid.Info;

/// <summary>Live context of one perp (<c>metaAndAssetCtxs[1][i]</c>). Nullable fields may be null on the venue.</summary>
public sealed record PerpAssetContext(
    decimal Funding,
    decimal OpenInterest,
    decimal PrevDayPx,
    decimal DayNtlVlm,
    decimal? Premium,
    decimal OraclePx,
    decimal MarkPx,
    decimal? MidPx,
    decimal? ImpactBidPx,
    decimal? ImpactAskPx,
    decimal DayBaseVlm)
{
    public static PerpAssetContext Parse(JsonElement e)
    {
        decimal? bidImpact = null, askImpact = null;
        if (JsonRead.Has(e, "impactPxs"))
        {
            var impact = JsonRead.Get(e, "impactPxs");
            bidImpact = JsonRead.DecValue(impact[0], "impactPxs[0]");
            askImpact = JsonRead.DecValue(impact[1], "impactPxs[1]");
        }

        return new PerpAssetContext(
            JsonRead.Dec(e, "funding"),
            JsonRead.Dec(e, "openInterest"),
            JsonRead.Dec(e, "prevDayPx"),
            JsonRead.Dec(e, "dayNtlVlm"),
            JsonRead.OptDec(e, "premium"),
            JsonRead.Dec(e, "oraclePx"),
            JsonRead.Dec(e, "markPx"),
            JsonRead.OptDec(e, "midPx"),
            bidImpact,
            askImpact,
            JsonRead.OptDec(e, "dayBaseVlm") ?? 0m);
    }

    public void Write(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        JsonRead.WriteDec(writer, "funding", Funding);
        JsonRead.WriteDec(writer, "openInterest", OpenInterest);
        JsonRead.WriteDec(writer, "prevDayPx", PrevDayPx);
        JsonRead.WriteDec(writer, "dayNtlVlm", DayNtlVlm);
        JsonRead.WriteOptDec(writer, "premium", Premium);
        JsonRead.WriteDec(writer, "oraclePx", OraclePx);
        JsonRead.WriteDec(writer, "markPx", MarkPx);
        JsonRead.WriteOptDec(writer, "midPx", MidPx);
        if (ImpactBidPx is { } bid && ImpactAskPx is { } ask)
        {
            writer.WriteStartArray("impactPxs");
            writer.WriteStringValue(JsonRead.FormatDec(bid));
            writer.WriteStringValue(JsonRead.FormatDec(ask));
            writer.WriteEndArray();
        }
        else
        {
            writer.WriteNull("impactPxs");
        }

        JsonRead.WriteDec(writer, "dayBaseVlm", DayBaseVlm);
        writer.WriteEndObject();
    }
}
