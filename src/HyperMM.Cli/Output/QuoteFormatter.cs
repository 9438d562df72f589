using System.Globalization;
using System.Text;
using System.Text.Json;
using HyperMM.Cli.Commands;
using HyperMM.Core.Model;
using HyperMM.Core.Primitives;

namespace HyperMM.Cli.Output;

/// <summary>
/// Renders <c>hypermm quote</c> results as an aligned table (one column per strategy) or JSON: the inputs, the model's
/// decomposition (its terms, in its order) and every desired order from model price to venue price and size. Any
/// model: the rows are the union of the strategies' terms and order levels.
/// </summary>
public static class QuoteFormatter
{
    public static string Table(IReadOnlyList<QuoteLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var table = new TextTable(["", .. lines.Select(l => l.Strategy.Name)]);
        void Row(string label, Func<QuoteLine, string> cell) => table.Add([label, .. lines.Select(cell)]);

        Row("coin", l => l.Strategy.Coin.Name);
        Row("model", l => l.Strategy.Model.Name);
        Row("mid", l => Px(l.Quote.Mid));
        Row("book bid / ask", l => $"{Px(l.Context.Top.BidPrice)} / {Px(l.Context.Top.AskPrice)}");
        Row("vol, 1 s std (bps)", l => F(l.VolBps1s, "0.###"));
        Row("position / cap", l => $"{Px(l.Context.Position)} / {Px(l.Strategy.MaxAbsPosition)}");
        foreach (var (key, label) in lines.SelectMany(l => l.Quote.Terms).Select(t => (t.Key, t.Label)).Distinct())
        {
            Row(label, l => l.Quote.Term(key)?.Display ?? "-");
        }

        Row("mode", l => l.Mode);
        var slots = Slots(lines);
        foreach (var (side, level, name) in slots)
        {
            Row($"{name}: model → touch → venue", l => At(l, side, level) is { } o ? $"{Px(decimal.Round(o.ModelPrice, 6))} → {Px(decimal.Round(o.UnroundedPrice, 6))} → {Px(o.Price)}" : "-");
        }

        Row("quoted spread after rounding (bps)", l => F(l.Quote.QuotedSpreadBps, "0.###"));
        foreach (var (side, level, name) in slots)
        {
            Row($"{name} size: model → venue", l => At(l, side, level) is { } o ? $"{F(o.ModelSize, "0.######")} → {Px(o.Size)} ({Status(o)})" : "-");
        }

        foreach (var (side, level, name) in slots)
        {
            Row($"{name} notional (USD)", l => At(l, side, level) is { } o ? Px(decimal.Round(o.Price * o.Size, 2)) : "-");
        }

        Row("tif", l => string.Join("/", l.Quote.Orders.Select(o => o.Tif.ToString()).Distinct())
            + (l.Quote.Orders.Any(o => o.Crosses) ? " (reducing side crosses, reduce-only)" : string.Empty));
        return table.ToString();
    }

    public static string Json(IReadOnlyList<QuoteLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartArray();
            foreach (var l in lines)
            {
                var q = l.Quote;
                w.WriteStartObject();
                w.WriteString("strategy", l.Strategy.Name);
                w.WriteString("coin", l.Strategy.Coin.Name);
                w.WriteString("model", l.Strategy.Model.Name);
                w.WriteString("mid", Px(q.Mid));
                w.WriteString("bestBid", Px(l.Context.Top.BidPrice));
                w.WriteString("bestAsk", Px(l.Context.Top.AskPrice));
                w.WriteNumber("volBps1s", l.VolBps1s);
                w.WriteString("position", Px(l.Context.Position));
                w.WriteString("fairValue", Px(decimal.Round(q.FairValue, 8)));
                w.WriteNumber("spreadBps", q.SpreadBps);
                w.WriteNumber("pressureStage", q.Stage);
                w.WriteString("mode", l.Mode);
                w.WriteStartObject("terms");
                foreach (var term in q.Terms)
                {
                    w.WriteNumber(term.Key, term.Value);
                }

                w.WriteEndObject();
                w.WriteStartArray("orders");
                foreach (var order in q.Orders)
                {
                    WriteOrder(w, order);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Every (side, level) any strategy has, bids then asks, named "bid"/"ask" when each side has one level.</summary>
    private static List<(Side Side, int Level, string Name)> Slots(IReadOnlyList<QuoteLine> lines)
    {
        var slots = new List<(Side, int, string)>();
        foreach (var side in new[] { Side.Buy, Side.Sell })
        {
            var levels = lines.Select(l => l.Quote.OnSide(side).Count()).DefaultIfEmpty(0).Max();
            var name = side == Side.Buy ? "bid" : "ask";
            for (var level = 0; level < levels; level++)
            {
                slots.Add((side, level, levels == 1 ? name : string.Create(CultureInfo.InvariantCulture, $"{name} {level + 1}")));
            }
        }

        return slots;
    }

    private static SideQuote? At(QuoteLine line, Side side, int level) =>
        line.Quote.OnSide(side).Skip(level).Select(o => (SideQuote?)o).FirstOrDefault();

    private static void WriteOrder(Utf8JsonWriter w, SideQuote s)
    {
        w.WriteStartObject();
        w.WriteString("side", s.Side == Side.Buy ? "buy" : "sell");
        w.WriteNumber("level", s.Level);
        w.WriteString("modelPrice", Px(decimal.Round(s.ModelPrice, 8)));
        w.WriteString("touchPrice", Px(decimal.Round(s.UnroundedPrice, 8)));
        w.WriteString("price", Px(s.Price));
        w.WriteNumber("modelSize", s.ModelSize);
        w.WriteString("size", Px(s.Size));
        w.WriteString("tif", s.Tif.ToString());
        w.WriteBoolean("reduceOnly", s.ReduceOnly);
        w.WriteBoolean("crosses", s.Crosses);
        w.WriteString("status", s.Status.ToString());
        w.WriteEndObject();
    }

    private static string Status(SideQuote s) => s.Status switch
    {
        SideQuoteStatus.Quoted => "quoted",
        SideQuoteStatus.AtCap => "at cap",
        SideQuoteStatus.BelowMinNotional => "below $10",
        _ => "no market",
    };

    private static string Px(decimal d) => d.ToString("0.########", CultureInfo.InvariantCulture);

    private static string F(double d, string format) => (d == 0.0 ? 0.0 : d).ToString(format, CultureInfo.InvariantCulture);
}
