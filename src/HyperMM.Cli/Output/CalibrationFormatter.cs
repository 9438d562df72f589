using System.Globalization;
using System.Text;
using System.Text.Json;
using HyperMM.Simulation.Calibration;

namespace HyperMM.Cli.Output;

/// <summary>Renders <c>hypermm calibrate</c> results: an aligned table (one column per coin) or JSON.</summary>
public static class CalibrationFormatter
{
    public static string Table(IReadOnlyList<CoinCalibration> coins)
    {
        ArgumentNullException.ThrowIfNull(coins);
        var table = new TextTable(["", .. coins.Select(c => c.Coin.Name)]);
        void Row(string label, Func<CoinCalibration, string> cell) => table.Add([label, .. coins.Select(cell)]);

        Row("data (s)", c => F(c.Seconds, "0.0"));
        Row("books / trade prints / taker orders", c => $"{c.Books} / {c.Trades} / {c.TakerOrders}");
        Row("median mid", c => F(c.MedianMid, "0.####"));
        Row("vol: 1 s std (bps) [vol_prior_bps_1s]", c => F(c.SigmaBps1s, "0.000"));
        Row("vol: variance (bps²/s)", c => F(c.VarianceBps2PerSecond, "0.000"));
        Row("intensity A (per s, per side)", c => c.Intensity is { } f ? F(f.APerSecond, "0.0000") : "-");
        Row("intensity kappa (per bps)", c => c.Intensity is { } f ? F(f.KappaPerBps, "0.000") : "-");
        Row("fit R² (weighted, ln lambda vs depth)", c => c.Intensity is { } f ? F(f.R2, "0.000") : "-");
        Row("fit range (bps) / orders in range", c => c.Intensity is { } f ? $"{F(f.MinDepthBps, "0.###")}-{F(f.MaxDepthBps, "0.###")} / {f.EventsInRange}" : "-");
        Row("micro-price tick / transitions / mid moved", c => c.MicroPrice is { } m ? $"{D(m.Tick)} ({F(m.BpsAtMedianMid, "0.###")} bps) / {m.Transitions} / {Pct(m.MoveShare)}" : "-");
        var spreadRows = coins.Max(c => c.MicroPrice?.Table.MaxSpreadTicks ?? 0);
        for (var s = 1; s <= spreadRows; s++)
        {
            var spread = s;
            Row($"micro-price G (ticks), spread {spread}, I low → high", c => c.MicroPrice is { } m && spread <= m.Table.MaxSpreadTicks
                ? string.Join(" ", m.Table.Row(spread).Select(g => F(g, "+0.000;-0.000;0")))
                : "-");
        }

        Row("taker orders inside the previous mid", c => Pct(c.InsideMidShare));
        Row("spread median / mean (bps)", c => $"{F(c.SpreadBpsMedian, "0.###")} / {F(c.SpreadBpsMean, "0.###")}");
        Row("top-of-book size median / mean", c => $"{D(c.TopSizeMedian)} / {D(decimal.Round(c.TopSizeMean, 4))}");
        Row("trade size median / mean / p90", c => $"{D(c.TradeSizeMedian)} / {D(decimal.Round(c.TradeSizeMean, 6))} / {D(c.TradeSizeP90)}");
        Row("volume (coin) / buy share", c => $"{D(c.Volume)} / {Pct(c.BuyShare)}");
        return table.ToString();
    }

    /// <summary><c>{"coins":[{...}]}</c>; numbers that could not be measured are null.</summary>
    public static string Json(IReadOnlyList<CoinCalibration> coins)
    {
        ArgumentNullException.ThrowIfNull(coins);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartArray("coins");
            foreach (var c in coins)
            {
                w.WriteStartObject();
                w.WriteString("coin", c.Coin.Name);
                Number(w, "sigma_bps_1s", c.SigmaBps1s);
                Number(w, "A_per_s", c.Intensity?.APerSecond);
                Number(w, "kappa_per_bps", c.Intensity?.KappaPerBps);
                Number(w, "fit_r2", c.Intensity?.R2);
                w.WriteNumber("trades", c.Trades);
                Number(w, "seconds", c.Seconds);
                Number(w, "variance_bps2_per_s", c.VarianceBps2PerSecond);
                Number(w, "fit_min_depth_bps", c.Intensity?.MinDepthBps);
                Number(w, "fit_max_depth_bps", c.Intensity?.MaxDepthBps);
                w.WriteNumber("fit_orders_in_range", c.Intensity?.EventsInRange ?? 0);
                w.WriteNumber("taker_orders", c.TakerOrders);
                w.WriteNumber("books", c.Books);
                Number(w, "median_mid", c.MedianMid);
                Number(w, "spread_bps_median", c.SpreadBpsMedian);
                Number(w, "spread_bps_mean", c.SpreadBpsMean);
                w.WriteNumber("top_size_median", c.TopSizeMedian);
                w.WriteNumber("top_size_mean", decimal.Round(c.TopSizeMean, 8));
                w.WriteNumber("trade_size_median", c.TradeSizeMedian);
                w.WriteNumber("trade_size_mean", decimal.Round(c.TradeSizeMean, 8));
                w.WriteNumber("trade_size_p90", c.TradeSizeP90);
                w.WriteNumber("volume", c.Volume);
                Number(w, "buy_share", c.BuyShare);
                MicroPrice(w, c);
                Number(w, "inside_mid_share", c.InsideMidShare);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary><c>"microprice": {"tick", "buckets", "g_ticks": [[...]], ...}</c>, or null with <c>"microprice_problem"</c>.</summary>
    private static void MicroPrice(Utf8JsonWriter w, CoinCalibration c)
    {
        if (c.MicroPrice is not { } m)
        {
            w.WriteNull("microprice");
            w.WriteString("microprice_problem", c.MicroPriceProblem);
            return;
        }

        w.WriteStartObject("microprice");
        w.WriteNumber("tick", m.Tick);
        w.WriteNumber("buckets", m.Table.Buckets);
        w.WriteNumber("max_spread_ticks", m.Table.MaxSpreadTicks);
        w.WriteNumber("transitions", m.Transitions);
        Number(w, "move_share", m.MoveShare);
        w.WriteNumber("iterations", m.Iterations);
        w.WriteStartArray("g_ticks");
        for (var s = 1; s <= m.Table.MaxSpreadTicks; s++)
        {
            w.WriteStartArray();
            foreach (var g in m.Table.Row(s))
            {
                w.WriteNumberValue(g);
            }

            w.WriteEndArray();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            w.WriteNumber(name, Math.Round(v, 6));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string Pct(double share) => double.IsFinite(share) ? F(100.0 * share, "0.0") + " %" : "-";

    private static string D(decimal d) => d.ToString("0.########", CultureInfo.InvariantCulture);

    private static string F(double d, string format) => double.IsFinite(d) ? d.ToString(format, CultureInfo.InvariantCulture) : "-";
}
