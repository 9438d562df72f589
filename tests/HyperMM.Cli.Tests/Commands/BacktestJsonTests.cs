using System.Text.Json;
using HyperMM.TestSupport;

namespace HyperMM.Cli.Tests.Commands;

/// <summary>
/// Issue 11 item 2: <c>hypermm backtest --json</c> on every shared recording the loader reads (the two HL CSV folders
/// the hftbacktest raw Hyperliquid capture and the two Binance futures captures, read as a proxy market) prints
/// one JSON document and nothing else on stdout, with one entry per strategy whose coin is present, and its figures
/// satisfy the attribution identity exactly, for the total and for every segment.
/// </summary>
public sealed class BacktestJsonTests
{
    private static string Config => Path.Combine(SharedData.RepositoryRoot, "config/strategies.yaml");

    public static TheoryData<string, string[], int> Recordings => new()
    {
        { "data/Avellaneda_Stoikov_Market_Making_parameter_calibration/HL_data", ["mm_eth_perp", "mm_btc_perp"], 1 },
        { "data/Hyperliquid_data_collector/HL_data", ["mm_eth_perp", "mm_btc_perp"], 2 }, // a 250 s gap: two segments
        { "data/hftbacktest/examples/hyperliquid/btcusd_20250126.gz", ["mm_btc_perp"], 1 },
        { "data/hftbacktest/examples/usdm/ethusdt_20240808.gz", ["mm_eth_perp"], 1 },
        { "data/hftbacktest/examples/usdm/btcusdt_20240808.gz", ["mm_btc_perp"], 1 },
    };

    [Theory]
    [MemberData(nameof(Recordings))]
    public async Task BacktestJson_OnEachRecording_ParsesAndEveryFigureSatisfiesTheIdentity(string recording, string[] strategies, int segments)
    {
        var (code, output, error) = await CliInvocation.RunAsync("backtest", "--data", Path.Combine(SharedData.RootPath, recording), "--config", Config, "--json");

        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output); // the whole of stdout is the document
        Assert.Equal("backtest", doc.RootElement.GetProperty("source").GetString());
        var entries = doc.RootElement.GetProperty("strategies").EnumerateArray().ToList();
        Assert.Equal(strategies, entries.Select(e => e.GetProperty("strategy").GetString()));
        foreach (var entry in entries)
        {
            Assert.Equal(JsonValueKind.Null, entry.GetProperty("run").ValueKind);
            AssertIdentity(entry);
            var parts = entry.GetProperty("segments").EnumerateArray().ToList();
            Assert.Equal(segments, parts.Count);
            parts.ForEach(AssertIdentity);
            Assert.Equal(entry.GetProperty("total_pnl").GetDecimal(), parts.Sum(p => p.GetProperty("total_pnl").GetDecimal()));
            Assert.Equal(entry.GetProperty("fills").GetInt64(), parts.Sum(p => p.GetProperty("fills").GetInt64()));
            foreach (var name in new[] { "taker_fills", "volume_usd", "max_abs_inventory", "requests", "markout_1s_bps", "markout_10s_bps", "markout_60s_bps" })
            {
                Assert.True(entry.TryGetProperty(name, out _), $"{name} missing");
            }

            Assert.Equal(JsonValueKind.Object, entry.GetProperty("rejections").ValueKind);
        }
    }

    private static void AssertIdentity(JsonElement e)
    {
        decimal D(string name) => e.GetProperty(name).GetDecimal();
        Assert.Equal(D("total_pnl"), D("spread_capture") + D("inventory_pnl") - D("fees"));
        Assert.Equal(D("total_pnl"), D("realised_pnl") + D("unrealised_pnl") - D("fees"));
    }
}
