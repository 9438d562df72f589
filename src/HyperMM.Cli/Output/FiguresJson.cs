using System.Text;
using System.Text.Json;
using HyperMM.Core.Accounting;

namespace HyperMM.Cli.Output;

/// <summary>
/// The machine-readable figures (<c>backtest --json</c>, <c>report --json</c>, <c>summary.json</c>): one JSON
/// document <c>{"source", ..., "strategies": [...]}</c>. Money is written as JSON numbers with every decimal digit
/// (System.Text.Json writes decimal exactly); markouts with no fill past their horizon are null.
/// </summary>
public static class FiguresJson
{
    public static string Render(string source, string location, IReadOnlyList<StrategyFigures> strategies)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("source", source);
            w.WriteString(source == "journal" ? "journal" : "data", location);
            w.WriteStartArray("strategies");
            foreach (var s in strategies)
            {
                w.WriteStartObject();
                w.WriteString("strategy", s.Strategy);
                w.WriteString("coin", s.Coin);
                switch (s.Run)
                {
                    case long id:
                        w.WriteNumber("run", id);
                        break;
                    case string text:
                        w.WriteString("run", text);
                        break;
                    default:
                        w.WriteNull("run");
                        break;
                }

                w.WriteNumber("start_ms", s.StartMs);
                w.WriteNumber("end_ms", s.EndMs);
                Figures(w, s.Figures);
                w.WriteStartArray(s.PartsName);
                foreach (var part in s.Parts)
                {
                    w.WriteStartObject();
                    w.WriteString("label", part.Label);
                    w.WriteNumber("start_ms", part.StartMs);
                    w.WriteNumber("end_ms", part.EndMs);
                    if (part.Skipped is { } skipped)
                    {
                        w.WriteString("skipped", skipped);
                    }

                    Figures(w, part.Figures);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Writes the figures as properties of the object being written (the one place that names them in JSON).</summary>
    public static void Figures(Utf8JsonWriter w, LedgerFigures f)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(f);
        var c = f.Counters;
        w.WriteNumber("fills", f.Fills);
        w.WriteNumber("taker_fills", f.TakerFills);
        w.WriteNumber("stale_mid_fills", f.StaleMidFills);
        w.WriteNumber("volume_usd", f.VolumeUsd);
        w.WriteNumber("fees", f.Fees);
        w.WriteNumber("spread_capture", f.SpreadCapture);
        w.WriteNumber("inventory_pnl", f.InventoryPnl);
        w.WriteNumber("realised_pnl", f.RealizedPnl);
        w.WriteNumber("unrealised_pnl", f.UnrealizedPnl);
        w.WriteNumber("total_pnl", f.TotalPnl);
        w.WriteNumber("final_position", f.Position);
        w.WriteNumber("mark", f.Mark);
        foreach (var m in f.Markouts)
        {
            var name = $"markout_{m.Seconds}s_bps";
            if (m.Bps is { } bps)
            {
                w.WriteNumber(name, bps);
            }
            else
            {
                w.WriteNull(name);
            }

            w.WriteNumber($"markout_{m.Seconds}s_fills", m.Fills);
            w.WriteNumber($"markout_{m.Seconds}s_pending_fills", m.PendingFills);
        }

        w.WriteNumber("max_abs_inventory", f.MaxAbsPosition);
        w.WriteNumber("time_weighted_abs_inventory", f.TimeWeightedAbsPosition);
        w.WriteNumber("window_s", f.WindowMs / 1000.0);
        w.WriteNumber("fills_per_hour", f.FillsPerHour);
        w.WriteNumber("fill_pressure_s", c.FillPressureMs / 1000.0);
        w.WriteNumber("fill_pressure_fraction", f.FillPressureFraction);
        w.WriteNumber("requests", c.Requests);
        w.WriteNumber("requotes", c.Requotes);
        w.WriteNumber("orders_placed", c.OrdersPlaced);
        w.WriteNumber("invalid_books", c.InvalidBooks);
        w.WriteNumber("adjustments", f.Adjustments);
        w.WriteStartObject("rejections");
        foreach (var (reason, count) in c.RejectionsRanked)
        {
            w.WriteNumber(reason, count);
        }

        w.WriteEndObject();
    }
}
