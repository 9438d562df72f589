using System.Text.Json;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.Hyperliquid.Json;

namespace HyperMM.Hyperliquid.Info;

/// <summary>
/// A fill as <c>userFills</c>, <c>userFillsByTime</c> and the WS <c>userFills</c>/<c>user</c> feeds report it.
/// <c>tid</c> and <c>feeToken</c> are absent in very old records (then 0 / null). <c>twapId</c> is the TWAP a
/// fill belongs to, written as <c>null</c> for ordinary orders as the venue does (nautilus_trader's recorded
/// <c>http_user_fills_dust_conversion.json</c> and <c>ws_user_fill_liquidation.json</c> in ../shared/data).
/// </summary>
public sealed record UserFill(
    Coin Coin,
    decimal Px,
    decimal Sz,
    Side Side,
    long Time,
    decimal StartPosition,
    string Dir,
    decimal ClosedPnl,
    string? Hash,
    OrderId Oid,
    bool Crossed,
    decimal Fee,
    long Tid,
    string? FeeToken,
    decimal? BuilderFee,
    Cloid? Cloid,
    long? TwapId = null)
{
    public static UserFill Parse(JsonElement e) => new(
        new Coin(JsonRead.Str(e, "coin")),
        JsonRead.Dec(e, "px"),
        JsonRead.Dec(e, "sz"),
        JsonRead.Side(e, "side"),
        JsonRead.I64(e, "time"),
        JsonRead.Dec(e, "startPosition"),
        JsonRead.OptStr(e, "dir") ?? string.Empty,
        JsonRead.Dec(e, "closedPnl"),
        JsonRead.OptStr(e, "hash"),
        new OrderId(JsonRead.I64(e, "oid")),
        JsonRead.Bool(e, "crossed"),
        JsonRead.Dec(e, "fee"),
        JsonRead.OptLong(e, "tid") ?? 0,
        JsonRead.OptStr(e, "feeToken"),
        JsonRead.OptDec(e, "builderFee"),
        JsonRead.OptCloid(e, "cloid"),
        JsonRead.OptLong(e, "twapId"));

    public Fill ToFill() => new(Coin, Tid, Oid, Cloid, Side, Px, Sz, Fee, Time, Crossed, ClosedPnl, StartPosition, Hash);

    public void Write(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("coin", Coin.Name);
        JsonRead.WriteDec(writer, "px", Px);
        JsonRead.WriteDec(writer, "sz", Sz);
        writer.WriteString("side", JsonRead.SideText(Side));
        writer.WriteNumber("time", Time);
        JsonRead.WriteDec(writer, "startPosition", StartPosition);
        writer.WriteString("dir", Dir);
        JsonRead.WriteDec(writer, "closedPnl", ClosedPnl);
        writer.WriteString("hash", Hash ?? "0x0000000000000000000000000000000000000000000000000000000000000000");
        writer.WriteNumber("oid", Oid.Value);
        writer.WriteBoolean("crossed", Crossed);
        JsonRead.WriteDec(writer, "fee", Fee);
        writer.WriteNumber("tid", Tid);
        if (Cloid is { } cloid)
        {
            writer.WriteString("cloid", cloid.ToString());
        }

        if (BuilderFee is { } builderFee)
        {
            JsonRead.WriteDec(writer, "builderFee", builderFee);
        }

        writer.WriteString("feeToken", FeeToken ?? "USDC");
        if (TwapId is { } twap)
        {
            writer.WriteNumber("twapId", twap);
        }
        else
        {
            writer.WriteNull("twapId");
        }

        writer.WriteEndObject();
    }
}
