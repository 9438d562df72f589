using System.Text.Json;
using HyperMM.Core.Market;
using HyperMM.Core.Primitives;

namespace HyperMM.LocalExchange.Json;

/// <summary>Books and trades as the venue prints them (PROTOCOL §1.4 l2Book, §6.2 l2Book / bbo / trades).</summary>
public static class MarketJson
{
    public static void WriteBook(Utf8JsonWriter w, OrderBookSnapshot book)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(book);
        w.WriteStartObject();
        w.WriteString("coin", book.Coin.Name);
        w.WriteNumber("time", book.TimeMs);
        w.WriteStartArray("levels");
        WriteSide(w, book.Bids);
        WriteSide(w, book.Asks);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteBbo(Utf8JsonWriter w, OrderBookSnapshot book)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(book);
        w.WriteStartObject();
        w.WriteString("coin", book.Coin.Name);
        w.WriteNumber("time", book.TimeMs);
        w.WriteStartArray("bbo");
        WriteLevelOrNull(w, book.Bids);
        WriteLevelOrNull(w, book.Asks);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteTrade(Utf8JsonWriter w, Trade t, Address buyer, Address seller)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartObject();
        w.WriteString("coin", t.Coin.Name);
        w.WriteString("side", OrderJson.SideCode(t.AggressorSide));
        w.WriteString("px", Num.Format(t.Price));
        w.WriteString("sz", Num.Format(t.Size));
        w.WriteString("hash", FillJson.Hash(t.TradeId));
        w.WriteNumber("time", t.TimeMs);
        w.WriteNumber("tid", t.TradeId);
        w.WriteStartArray("users");
        w.WriteStringValue(buyer.Hex);
        w.WriteStringValue(seller.Hex);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteSide(Utf8JsonWriter w, IReadOnlyList<BookLevel> levels)
    {
        w.WriteStartArray();
        foreach (var l in levels)
        {
            WriteLevel(w, l);
        }

        w.WriteEndArray();
    }

    private static void WriteLevelOrNull(Utf8JsonWriter w, IReadOnlyList<BookLevel> levels)
    {
        if (levels.Count == 0)
        {
            w.WriteNullValue();
        }
        else
        {
            WriteLevel(w, levels[0]);
        }
    }

    private static void WriteLevel(Utf8JsonWriter w, BookLevel l)
    {
        w.WriteStartObject();
        w.WriteString("px", Num.Format(l.Price));
        w.WriteString("sz", Num.Format(l.Size));
        w.WriteNumber("n", Math.Max(1, l.Orders));
        w.WriteEndObject();
    }
}
