using System.Globalization;
using HyperMM.Core.Accounting;

namespace HyperMM.Cli.Output;

/// <summary>The ledger's figures as CSV columns, in one order for every CSV (backtest, sweep, walk-forward).</summary>
public static class FigureCsv
{
    public static IReadOnlyList<string> Header { get; } =
    [
        "fills", "taker_fills", "stale_mid_fills", "volume_usd", "fees", "spread_capture", "inventory_pnl",
        "realised_pnl", "unrealised_pnl", "total_pnl", "final_position", "markout_1s_bps", "markout_10s_bps", "markout_60s_bps", "max_abs_inventory",
        "tw_abs_inventory", "fill_pressure_fraction", "requests", "requotes", "rejections",
    ];

    public static IReadOnlyList<string> Cells(LedgerFigures f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return
        [
            F($"{f.Fills}"), F($"{f.TakerFills}"), F($"{f.StaleMidFills}"), F($"{f.VolumeUsd:0.######}"), F($"{f.Fees:0.######}"),
            F($"{f.SpreadCapture:0.######}"), F($"{f.InventoryPnl:0.######}"), F($"{f.RealizedPnl:0.######}"), F($"{f.UnrealizedPnl:0.######}"), F($"{f.TotalPnl:0.######}"),
            F($"{f.Position}"), Bps(f.Markout(1)), Bps(f.Markout(10)), Bps(f.Markout(60)), F($"{f.MaxAbsPosition}"), F($"{f.TimeWeightedAbsPosition:0.########}"),
            F($"{f.FillPressureFraction:0.####}"), F($"{f.Counters.Requests}"), F($"{f.Counters.Requotes}"), F($"{f.Counters.RejectionCount}"),
        ];
    }

    /// <summary>Writes the text to <paramref name="path"/>; a path that cannot be written is a usage error naming --csv.</summary>
    public static void Write(string path, string text)
    {
        try
        {
            File.WriteAllText(path, text);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new Failures.UsageException($"--csv: cannot write '{path}': {ex.Message}");
        }
    }

    private static string Bps(MarkoutFigure? m) => m?.Bps is { } b ? F($"{b:0.######}") : string.Empty;

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
