using System.Globalization;
using System.Text;
using System.Text.Json;
using HyperMM.Cli.Commands;
using HyperMM.Core.Model;

namespace HyperMM.Cli.Output;

/// <summary>Renders <c>hypermm quote</c> results as an aligned table (one column per strategy) or JSON.</summary>
public static class QuoteFormatter
{
    public static string Table(IReadOnlyList<QuoteLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var table = new TextTable(["", .. lines.Select(l => l.Strategy.Name)]);
        void Row(string label, Func<QuoteLine, string> cell) => table.Add([label, .. lines.Select(cell)]);

        Row("coin", l => l.Strategy.Coin.Name);
        Row("mid", l => Px(l.Quote.Mid));
        Row("book bid / ask", l => $"{Px(l.Inputs.Top.BidPrice)} / {Px(l.Inputs.Top.AskPrice)}");
        Row("vol, 1 s std (bps)", l => F(l.VolBps1s, "0.###"));
        Row("sigma2_h (bps², h = horizon)", l => F(l.Quote.Sigma2HorizonBps2, "0.###") + " (h=" + F(l.Strategy.Volatility.HorizonSeconds, "0.#") + "s)");
        Row("position / cap", l => $"{Px(l.Inputs.Position)} / {Px(l.Strategy.MaxAbsPosition)}");
        Row("q = position / cap", l => F(l.Quote.Q, "0.####"));
        Row("reservation (bps, price)", l => $"{F(l.Quote.ReservationBps, "0.###")} → {Px(decimal.Round(l.Quote.ReservationPrice, 6))}");
        Row("raw spread (bps)", l => F(l.Quote.RawSpreadBps, "0.###"));
        Row("clamped spread (bps)", l => $"{F(l.Quote.ClampedSpreadBps, "0.###")} in [{F(l.Strategy.MinSpreadBps, "0.##")}, {F(l.Strategy.MaxSpreadBps, "0.##")}]");
        Row("mode", l => l.Mode);
        Row("spread used (bps)", l => F(l.Quote.SpreadBps, "0.###"));
        Row("bid: model → touch → venue", l => $"{Px(decimal.Round(l.Quote.Bid.ModelPrice, 6))} → {Px(decimal.Round(l.Quote.Bid.UnroundedPrice, 6))} → {Px(l.Quote.Bid.Price)}");
        Row("ask: model → touch → venue", l => $"{Px(decimal.Round(l.Quote.Ask.ModelPrice, 6))} → {Px(decimal.Round(l.Quote.Ask.UnroundedPrice, 6))} → {Px(l.Quote.Ask.Price)}");
        Row("quoted spread after rounding (bps)", l => F(QuotedSpreadBps(l.Quote), "0.###"));
        Row("bid size: skewed → venue", l => $"{F(l.Quote.Bid.ModelSize, "0.######")} → {Px(l.Quote.Bid.Size)} ({Status(l.Quote.Bid)})");
        Row("ask size: skewed → venue", l => $"{F(l.Quote.Ask.ModelSize, "0.######")} → {Px(l.Quote.Ask.Size)} ({Status(l.Quote.Ask)})");
        Row("bid / ask notional (USD)", l => $"{Px(decimal.Round(l.Quote.Bid.Price * l.Quote.Bid.Size, 2))} / {Px(decimal.Round(l.Quote.Ask.Price * l.Quote.Ask.Size, 2))}");
        Row("tif", l => l.Quote.Bid.Tif + (l.Quote.Bid.Crosses || l.Quote.Ask.Crosses ? " (reducing side crosses, reduce-only)" : string.Empty));
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
                w.WriteString("mid", Px(q.Mid));
                w.WriteString("bestBid", Px(l.Inputs.Top.BidPrice));
                w.WriteString("bestAsk", Px(l.Inputs.Top.AskPrice));
                w.WriteNumber("volBps1s", l.VolBps1s);
                w.WriteNumber("sigma2HBps2", q.Sigma2HorizonBps2);
                w.WriteString("position", Px(l.Inputs.Position));
                w.WriteNumber("q", q.Q);
                w.WriteNumber("reservationBps", q.ReservationBps);
                w.WriteNumber("rawSpreadBps", q.RawSpreadBps);
                w.WriteNumber("clampedSpreadBps", q.ClampedSpreadBps);
                w.WriteNumber("spreadBps", q.SpreadBps);
                w.WriteNumber("pressureStage", q.PressureStage);
                w.WriteString("mode", l.Mode);
                WriteSide(w, "bid", q.Bid);
                WriteSide(w, "ask", q.Ask);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>(ask - bid) / mid in bps, on the venue prices.</summary>
    public static double QuotedSpreadBps(QuoteResult q) =>
        q.Mid == 0m ? 0.0 : (double)((q.Ask.Price - q.Bid.Price) / q.Mid) * 10_000.0;

    private static void WriteSide(Utf8JsonWriter w, string name, SideQuote s)
    {
        w.WriteStartObject(name);
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
