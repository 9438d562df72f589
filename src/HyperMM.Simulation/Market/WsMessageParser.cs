using System.Text.Json;
using HyperMM.Core.Market;
using HyperMM.Core.Primitives;

namespace HyperMM.Simulation.Market;

/// <summary>
/// Turns Hyperliquid WebSocket pushes (<c>l2Book</c>, <c>trades</c>) into market events stamped with the receive
/// time. Other channels (subscriptionResponse, bbo, pong, ...) are ignored. A book or trades push that is malformed
/// or impossible (<see cref="MarketDataRules"/>) raises <see cref="FormatException"/> saying what is wrong, in words.
/// </summary>
public static class WsMessageParser
{
    /// <summary>Adds the events of one message to <paramref name="into"/>; false when the message is not a book or trades push.</summary>
    public static bool TryParse(JsonElement message, long receivedMs, List<MarketEvent> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        if (message.ValueKind != JsonValueKind.Object
            || !message.TryGetProperty("channel", out var channel)
            || channel.ValueKind != JsonValueKind.String
            || !message.TryGetProperty("data", out var data))
        {
            return false;
        }

        switch (channel.GetString())
        {
            case "l2Book":
                var coin = new Coin(Text(Property(data, "coin", "l2Book data"), "l2Book coin"));
                var levels = Property(data, "levels", "l2Book data");
                if (levels.ValueKind != JsonValueKind.Array || levels.GetArrayLength() != 2)
                {
                    throw new FormatException("l2Book levels is not a pair [bids, asks]");
                }

                var book = new OrderBookSnapshot(coin, receivedMs, Levels(levels[0], "bid"), Levels(levels[1], "ask"));
                if (MarketDataRules.CheckBook(book) is { } badBook)
                {
                    throw new FormatException(badBook);
                }

                into.Add(new MarketEvent(receivedMs, MarketEventKind.Book, book, default));
                return true;
            case "trades":
                if (data.ValueKind != JsonValueKind.Array)
                {
                    throw new FormatException("trades data is not an array");
                }

                foreach (var t in data.EnumerateArray())
                {
                    var trade = new Trade(
                        new Coin(Text(Property(t, "coin", "trade"), "trade coin")),
                        t.TryGetProperty("time", out var time) ? WholeNumber(time, "trade time") : receivedMs,
                        Text(Property(t, "side", "trade"), "trade side") switch
                        {
                            "B" => Side.Buy,
                            "A" => Side.Sell,
                            var other => throw new FormatException($"trade side '{other}' is neither B nor A"),
                        },
                        Number(Property(t, "px", "trade"), "trade px"),
                        Number(Property(t, "sz", "trade"), "trade sz"),
                        t.TryGetProperty("tid", out var tid) ? WholeNumber(tid, "trade tid") : 0);
                    if (MarketDataRules.CheckTrade(trade) is { } badTrade)
                    {
                        throw new FormatException(badTrade);
                    }

                    into.Add(new MarketEvent(receivedMs, MarketEventKind.Trade, null, trade));
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>A named member of a JSON object, or a <see cref="FormatException"/> naming what is missing.</summary>
    internal static JsonElement Property(JsonElement owner, string name, string where) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(name, out var value)
            ? value
            : throw new FormatException($"{where} has no '{name}'");

    /// <summary>A whole number (JSON number without fraction).</summary>
    internal static long WholeNumber(JsonElement value, string what) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : throw new FormatException($"{what} {value.GetRawText()} is not a whole number");

    private static BookLevel[] Levels(JsonElement side, string name)
    {
        if (side.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"l2Book {name}s are not an array");
        }

        var levels = new BookLevel[side.GetArrayLength()];
        var i = 0;
        foreach (var level in side.EnumerateArray())
        {
            var what = $"{name} level {i}";
            var n = level.TryGetProperty("n", out var count) ? (int)Math.Clamp(WholeNumber(count, what + " n"), 0, int.MaxValue) : 1;
            levels[i++] = new BookLevel(Number(Property(level, "px", what), what + " px"), Number(Property(level, "sz", what), what + " sz"), n);
        }

        return levels;
    }

    /// <summary>A JSON string, or a <see cref="FormatException"/> naming what is not one.</summary>
    internal static string Text(JsonElement value, string what) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new FormatException($"{what} {value.GetRawText()} is not a string");

    /// <summary>A price or size: the venue's string-number, or a plain JSON number.</summary>
    internal static decimal Number(JsonElement value, string what)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Number => value.GetRawText(),
            _ => throw new FormatException($"{what} {value.GetRawText()} is not a number"),
        };
        return MarketDataRules.TryParseNumber(text, out var number) ? number : throw new FormatException($"{what} '{text}' is not a number");
    }
}
