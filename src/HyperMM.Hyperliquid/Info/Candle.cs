using System.Text.Json;
using HyperMM.Hyperliquid.Json;

namespace HyperMM.Hyperliquid.Info;

/// <summary><c>candleSnapshot</c> entry: open/close times (ms), OHLCV, trade count, coin, interval.</summary>
public sealed record Candle(long OpenTime, long CloseTime, string Coin, string Interval, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume, int Trades)
{
    public static Candle Parse(JsonElement e) => new(
        JsonRead.I64(e, "t"),
        JsonRead.I64(e, "T"),
        JsonRead.Str(e, "s"),
        JsonRead.Str(e, "i"),
        JsonRead.Dec(e, "o"),
        JsonRead.Dec(e, "h"),
        JsonRead.Dec(e, "l"),
        JsonRead.Dec(e, "c"),
        JsonRead.Dec(e, "v"),
        JsonRead.I32(e, "n"));

    public void Write(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteNumber("T", CloseTime);
        JsonRead.WriteDec(writer, "c", Close);
        JsonRead.WriteDec(writer, "h", High);
        writer.WriteString("i", Interval);
        JsonRead.WriteDec(writer, "l", Low);
        writer.WriteNumber("n", Trades);
        JsonRead.WriteDec(writer, "o", Open);
        writer.WriteString("s", Coin);
        writer.WriteNumber("t", OpenTime);
        JsonRead.WriteDec(writer, "v", Volume);
        writer.WriteEndObject();
    }
}
