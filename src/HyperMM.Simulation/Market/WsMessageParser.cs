using System.Globalization;
using System.Text.Json;
using HyperMM.Core.Market;
using HyperMM.Core.Primitives;

namespace HyperMM.Simulation.Market;

/// <summary>
/// Turns Hyperliquid WebSocket pushes (<c>l2Book</c>, <c>trades</c>) into market events stamped with the receive
/// time. Other channels (subscriptionResponse, bbo, pong, ...) are ignored.
/// </summary>
public static class WsMessageParser
{
    /// <summary>Adds the events of one message to <paramref name="into"/>; false when the message is not a book or trades push.</summary>
    public static bool TryParse(JsonElement message, long receivedMs, List<MarketEvent> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        if (message.ValueKind != JsonValueKind.Object
            || !message.TryGetProperty("channel", out var channel)
            || !message.TryGetProperty("data", out var data))
        {
            return false;
        }

        switch (channel.GetString())
        {
            case "l2Book":
                var coin = new Coin(data.GetProperty("coin").GetString()!);
                var levels = data.GetProperty("levels");
                var book = new OrderBookSnapshot(coin, receivedMs, Levels(levels[0]), Levels(levels[1]));
                into.Add(new MarketEvent(receivedMs, MarketEventKind.Book, book, default));
                return true;
            case "trades":
                foreach (var t in data.EnumerateArray())
                {
                    var trade = new Trade(
                        new Coin(t.GetProperty("coin").GetString()!),
                        t.TryGetProperty("time", out var time) ? time.GetInt64() : receivedMs,
                        t.GetProperty("side").GetString() == "B" ? Side.Buy : Side.Sell,
                        Number(t.GetProperty("px")),
                        Number(t.GetProperty("sz")),
                        t.TryGetProperty("tid", out var tid) ? tid.GetInt64() : 0);
                    into.Add(new MarketEvent(receivedMs, MarketEventKind.Trade, null, trade));
                }

                return true;
            default:
                return false;
        }
    }

    private static BookLevel[] Levels(JsonElement side)
    {
        var levels = new BookLevel[side.GetArrayLength()];
        var i = 0;
        foreach (var level in side.EnumerateArray())
        {
            var n = level.TryGetProperty("n", out var count) ? count.GetInt32() : 1;
            levels[i++] = new BookLevel(Number(level.GetProperty("px")), Number(level.GetProperty("sz")), n);
        }

        return levels;
    }

    private static decimal Number(JsonElement value) =>
        value.ValueKind == JsonValueKind.String
            ? decimal.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
            : value.GetDecimal();
}
