using System.Text.Json;
using HyperMM.TestSupport;

namespace HyperMM.Cli.Tests.Commands;

public class CalibrateCommandTests
{
    private static string HlData => Path.Combine(SharedData.RootPath, "data/Avellaneda_Stoikov_Market_Making_parameter_calibration/HL_data");

    private static Task<(int Code, string Out, string Err)> Run(params string[] args) => CliInvocation.RunAsync(args);

    [Fact]
    public async Task Calibrate_prints_a_table_per_coin_then_the_suggested_yaml()
    {
        var (code, output, error) = await Run("calibrate", "--data", HlData);

        Assert.Equal(0, code);
        Assert.Empty(error);
        foreach (var label in new[] { "vol: 1 s std (bps)", "intensity A (per s, per side)", "intensity kappa (per bps)", "fit R²", "spread median / mean (bps)", "top-of-book size", "trade size median" })
        {
            Assert.Contains(label, output, StringComparison.Ordinal);
        }

        var header = output.Split('\n')[0];
        Assert.Contains("BTC", header, StringComparison.Ordinal);
        Assert.Contains("ETH", header, StringComparison.Ordinal);
        var yaml = output[output.IndexOf("suggested:", StringComparison.Ordinal)..];
        Assert.Contains("  ETH:\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    avellaneda_stoikov:\n      kappa: ", yaml, StringComparison.Ordinal);
        Assert.Contains("      model: glft\n      a_per_s: ", yaml, StringComparison.Ordinal);
        Assert.Contains("keep the shipped gamma", output, StringComparison.Ordinal);
        Assert.Contains("micro-price G (ticks), spread 1, I low → high", output, StringComparison.Ordinal);
        Assert.Contains("    microprice:\n      fair_value: microprice\n      microprice_g_ticks: [[-", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_prints_only_the_coins_object_with_the_documented_keys()
    {
        var (code, output, _) = await Run("calibrate", "--data", HlData, "--coin", "ETH", "--json");

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output); // the whole output is one JSON document
        var coins = doc.RootElement.GetProperty("coins");
        var eth = Assert.Single(coins.EnumerateArray());
        Assert.Equal("ETH", eth.GetProperty("coin").GetString());
        Assert.Equal(6884, eth.GetProperty("trades").GetInt32()); // SOURCES.md §1
        Assert.InRange(eth.GetProperty("seconds").GetDouble(), 2080, 2100); // 34.8 minutes
        Assert.InRange(eth.GetProperty("sigma_bps_1s").GetDouble(), 0.85, 0.97); // docs/MODEL.md: 0.833 bps²/s
        Assert.True(eth.GetProperty("A_per_s").GetDouble() > 0);
        Assert.True(eth.GetProperty("kappa_per_bps").GetDouble() > 0);
        Assert.InRange(eth.GetProperty("fit_r2").GetDouble(), 0.9, 1.0);

        // The micro-price table: 2 spread rows of 5 buckets, tick 0.1 (ETH at ~4,285, 5 significant figures), and
        // the one-tick row rising with the imbalance (MicroPriceFitterTests states the criterion).
        var micro = eth.GetProperty("microprice");
        Assert.Equal(0.1m, micro.GetProperty("tick").GetDecimal());
        var rows = micro.GetProperty("g_ticks").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        Assert.Equal(2, rows.Length);
        Assert.All(rows, r => Assert.Equal(5, r.Length));
        Assert.True(rows[0][0] < 0 && rows[0][4] > 0);
    }

    [Fact]
    public async Task Out_writes_the_yaml_to_a_file_instead_of_printing_it()
    {
        var file = Path.Combine(Path.GetTempPath(), $"hypermm-calibrate-{Guid.NewGuid():N}.yaml");
        try
        {
            var (code, output, _) = await Run("calibrate", "--data", HlData, "--coin", "BTC", "--out", file);

            Assert.Equal(0, code);
            Assert.DoesNotContain("suggested:", output, StringComparison.Ordinal);
            Assert.Contains($"suggested parameters written to {file}", output, StringComparison.Ordinal);
            var yaml = await File.ReadAllTextAsync(file);
            Assert.Contains("  BTC:\n", yaml, StringComparison.Ordinal);
            Assert.DoesNotContain("  ETH:", yaml, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("/no/such/path", null, "--data: '/no/such/path' does not exist")]
    [InlineData(null, "DOGE", "--coin: no DOGE data in")]
    public async Task User_mistakes_give_one_line_and_exit_2(string? path, string? coin, string expected)
    {
        string[] args = coin is null ? ["calibrate", "--data", path!] : ["calibrate", "--data", HlData, "--coin", coin];
        var (code, output, error) = await Run(args);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_malformed_data_file_is_one_line_naming_the_file_and_line()
    {
        var dir = Directory.CreateTempSubdirectory("hypermm-calibrate-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "orderbooks_ETH.csv"), "timestamp,exchange_timestamp,bid_price_0,bid_size_0,ask_price_0,ask_size_0\n1,1000,4000,1,4000.1,1\n2,2000,abc,1,4000.1,1\n");
            var (code, _, error) = await Run("calibrate", "--data", dir.FullName);

            Assert.Equal(2, code);
            Assert.Contains("orderbooks_ETH.csv:3:", error, StringComparison.Ordinal);
            Assert.Single(error.Trim().Split('\n'));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
