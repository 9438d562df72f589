using System.Text.Json;
using HyperMM.Core.Market;
using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Info;
using HyperMM.Hyperliquid.Json;

namespace HyperMM.LocalExchange.Json;

/// <summary>WebSocket market pushes the client models do not write: <c>bbo</c> and <c>trades</c> items (PROTOCOL §6.2).</summary>
public static class MarketJson
{
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
        w.WriteString("side", JsonRead.SideText(t.AggressorSide));
        JsonRead.WriteDec(w, "px", t.Price);
        JsonRead.WriteDec(w, "sz", t.Size);
        w.WriteString("hash", VenueModels.TxHash(t.TradeId));
        w.WriteNumber("time", t.TimeMs);
        w.WriteNumber("tid", t.TradeId);
        w.WriteStartArray("users");
        w.WriteStringValue(buyer.Hex);
        w.WriteStringValue(seller.Hex);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteLevelOrNull(Utf8JsonWriter w, IReadOnlyList<BookLevel> levels)
    {
        if (levels.Count == 0)
        {
            w.WriteNullValue();
        }
        else
        {
            L2Book.WriteLevel(w, levels[0]);
        }
    }
}
