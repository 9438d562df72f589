using System.Text.Json;
using HyperMM.Core.Market;
using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Json;

namespace HyperMM.Hyperliquid.Info;

/// <summary>
/// <c>l2Book</c> (REST and the WS <c>l2Book</c> channel): <c>{"coin","time","levels":[[bids…],[asks…]]}</c>,
/// level <c>{"px","sz","n"}</c>; bids descending, asks ascending.
/// </summary>
public static class L2Book
{
    public static OrderBookSnapshot Parse(JsonElement e)
    {
        var levels = JsonRead.Get(e, "levels");
        if (levels.ValueKind != JsonValueKind.Array || levels.GetArrayLength() != 2)
        {
            throw new WireFormatException("response: l2Book.levels must be [bids, asks].");
        }

        return new OrderBookSnapshot(
            new Coin(JsonRead.Str(e, "coin")),
            JsonRead.I64(e, "time"),
            [.. JsonRead.List(levels[0], ParseLevel)],
            [.. JsonRead.List(levels[1], ParseLevel)]);
    }

    public static BookLevel ParseLevel(JsonElement e) => new(JsonRead.Dec(e, "px"), JsonRead.Dec(e, "sz"), JsonRead.I32(e, "n"));

    public static void Write(Utf8JsonWriter writer, OrderBookSnapshot book)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(book);
        writer.WriteStartObject();
        writer.WriteString("coin", book.Coin.Name);
        writer.WriteNumber("time", book.TimeMs);
        writer.WriteStartArray("levels");
        WriteSide(writer, book.Bids);
        WriteSide(writer, book.Asks);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void WriteLevel(Utf8JsonWriter writer, BookLevel level)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        JsonRead.WriteDec(writer, "px", level.Price);
        JsonRead.WriteDec(writer, "sz", level.Size);
        writer.WriteNumber("n", level.Orders);
        writer.WriteEndObject();
    }

    private static void WriteSide(Utf8JsonWriter writer, IReadOnlyList<BookLevel> levels)
    {
        writer.WriteStartArray();
        foreach (var level in levels)
        {
            WriteLevel(writer, level);
        }

        writer.WriteEndArray();
    }
}
