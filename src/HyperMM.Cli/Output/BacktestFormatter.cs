using System.Globalization;
using System.Text;
using HyperMM.Simulation.Backtest;

namespace HyperMM.Cli.Output;

/// <summary>Text and CSV output of <c>hypermm backtest</c>.</summary>
public static class BacktestFormatter
{
    private static readonly string[] CsvHeader =
    [
        "strategy", "coin", "params", "fills", "maker_fills", "volume_usd", "realized_pnl", "unrealized_pnl", "fees", "net_pnl",
        "spread_captured", "final_position", "max_abs_inventory", "tw_abs_inventory", "fill_pressure_s", "requests", "requotes",
        "quotes_per_min", "rejections", "client_bug_rejections", "duration_s", "events",
    ];

    /// <summary>One column per strategy, one row per figure.</summary>
    public static string Report(string dataPath, IReadOnlyList<BacktestResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var table = new TextTable(["strategy", .. results.Select(r => r.Strategy)]);
        void Row(string label, Func<BacktestResult, string> cell) => table.Add([label, .. results.Select(cell)]);
        Row("coin", r => r.Coin.Name);
        Row("span", r => F($"{r.Summary.DurationSeconds / 60:0.0} min, {r.MarketEvents} events"));
        Row("fills (maker)", r => F($"{r.Summary.Fills} ({r.Summary.MakerFills})"));
        Row("volume USD", r => F($"{r.Summary.Volume:0.00}"));
        Row("realised PnL", r => F($"{r.Summary.RealizedPnl:0.0000}"));
        Row("unrealised PnL", r => F($"{r.Summary.UnrealizedPnl:0.0000}"));
        Row("fees", r => F($"{r.Summary.Fees:0.0000}"));
        Row("net PnL", r => F($"{r.Summary.NetPnl:0.0000}"));
        Row("spread captured", r => F($"{r.Summary.SpreadCaptured:0.0000}"));
        Row("final position", r => F($"{r.Summary.FinalPosition}"));
        Row("max |inventory|", r => F($"{r.Summary.MaxAbsInventory}"));
        Row("time-weighted |inv|", r => F($"{r.Summary.TimeWeightedAbsInventory:0.######}"));
        Row("fill pressure", r => F($"{r.Summary.FillPressureSeconds:0.0} s ({100 * r.Summary.FillPressureSeconds / Math.Max(1e-9, r.Summary.DurationSeconds):0.0} %)"));
        Row("requests sent", r => F($"{r.Summary.RequestsSent}"));
        Row("quotes per minute", r => F($"{r.Summary.QuotesPerMinute:0.00}"));
        Row("rejections (bugs)", r => F($"{r.Summary.Rejections} ({r.Summary.ClientBugRejections})"));
        Row("rejection reasons", r => r.Summary.RejectionReasons.Length == 0 ? "-" : r.Summary.RejectionReasons);
        return $"backtest of {dataPath}\n" + table;
    }

    /// <summary>Sweep results ranked by net PnL (best first), per strategy.</summary>
    public static string Ranked(IReadOnlyList<(string Point, BacktestResult Result)> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var sb = new StringBuilder();
        foreach (var group in results.GroupBy(r => r.Result.Strategy))
        {
            var table = new TextTable("rank", "params", "net PnL", "fills", "volume", "fees", "max |inv|", "requests");
            var rank = 0;
            foreach (var (point, r) in group.OrderByDescending(g => g.Result.Summary.NetPnl).ThenBy(g => g.Point, StringComparer.Ordinal))
            {
                var s = r.Summary;
                table.Add(F($"{++rank}"), point, F($"{s.NetPnl:0.0000}"), F($"{s.Fills}"), F($"{s.Volume:0.00}"), F($"{s.Fees:0.0000}"), F($"{s.MaxAbsInventory}"), F($"{s.RequestsSent}"));
            }

            sb.Append(group.Key).Append(" (").Append(group.First().Result.Coin.Name).Append("), ranked by net PnL\n").Append(table).Append('\n');
        }

        return sb.ToString();
    }

    public static void WriteCsv(string path, IReadOnlyList<(string Point, BacktestResult Result)> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var sb = new StringBuilder();
        sb.AppendJoin(',', CsvHeader).Append('\n');
        foreach (var (point, r) in results)
        {
            var s = r.Summary;
            sb.AppendJoin(',',
                r.Strategy, r.Coin.Name, point, F($"{s.Fills}"), F($"{s.MakerFills}"), F($"{s.Volume:0.######}"), F($"{s.RealizedPnl:0.######}"), F($"{s.UnrealizedPnl:0.######}"),
                F($"{s.Fees:0.######}"), F($"{s.NetPnl:0.######}"), F($"{s.SpreadCaptured:0.######}"), F($"{s.FinalPosition}"), F($"{s.MaxAbsInventory}"),
                F($"{s.TimeWeightedAbsInventory:0.########}"), F($"{s.FillPressureSeconds:0.###}"), F($"{s.RequestsSent}"), F($"{s.Requotes}"),
                F($"{s.QuotesPerMinute:0.###}"), F($"{s.Rejections}"), F($"{s.ClientBugRejections}"), F($"{s.DurationSeconds}"), F($"{r.MarketEvents}")).Append('\n');
        }

        try
        {
            File.WriteAllText(path, sb.ToString());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new Commands.UsageException($"--csv: cannot write '{path}': {ex.Message}");
        }
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
