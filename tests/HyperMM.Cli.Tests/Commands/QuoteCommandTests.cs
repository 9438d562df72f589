using System.Text.Json;
using HyperMM.TestSupport;

namespace HyperMM.Cli.Tests.Commands;

public class QuoteCommandTests
{
    private static string Config => Path.Combine(SharedData.RepositoryRoot, "config/strategies.yaml");

    private static Task<(int Code, string Out, string Err)> Run(params string[] args) => CliInvocation.RunAsync(args);

    [Fact]
    public async Task Quote_AllStrategies_PrintsTheDecomposition()
    {
        var (code, output, error) = await Run("quote", "--config", Config, "--mid", "ETH=4285.5", "--mid", "BTC=110000", "--mid", "HYPE=40");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        foreach (var label in new[] { "mm_eth_perp", "mm_btc_perp", "mm_hype_perp", "sigma2_h", "reservation", "raw spread", "clamped spread", "bid: model → touch → venue", "mode" })
        {
            Assert.Contains(label, output, StringComparison.Ordinal);
        }

        // ETH at its prior, flat: bid 4283.9 / ask 4287.1 (hand-worked in QuoteEngineTests).
        Assert.Contains("4283.9", output, StringComparison.Ordinal);
        Assert.Contains("4287.1", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quote_Json_LongEthInFillPressure()
    {
        var (code, output, _) = await Run("quote", "--config", Config, "--strategy", "mm_eth_perp", "--mid", "4285.5", "--position", "0.1", "--vol", "1.2", "--seconds-without-fill", "55", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var eth = Assert.Single(doc.RootElement.EnumerateArray().ToList());
        // vol 1.2 bps per √s → sigma2_h = 1.44 × 60 = 86.4 bps²; q = 0.1 / 0.2 = 0.5; reservation = −0.5 × 0.12 × 86.4 = −5.184 bps.
        var terms = eth.GetProperty("terms");
        Assert.Equal("avellaneda_stoikov", eth.GetProperty("model").GetString());
        Assert.Equal(86.4, terms.GetProperty("sigma2HBps2").GetDouble(), 9);
        Assert.Equal(0.5, terms.GetProperty("q").GetDouble());
        Assert.Equal(-5.184, terms.GetProperty("reservationBps").GetDouble(), 9);
        // 55 s without a fill: stage 3 (30 s target, 10 s steps); long → the ask crosses at the best bid, reduce-only.
        Assert.Equal(3, eth.GetProperty("pressureStage").GetInt32());
        var ask = Assert.Single(eth.GetProperty("orders").EnumerateArray(), o => o.GetProperty("side").GetString() == "sell");
        Assert.True(ask.GetProperty("crosses").GetBoolean());
        Assert.True(ask.GetProperty("reduceOnly").GetBoolean());
        Assert.Equal("Gtc", ask.GetProperty("tif").GetString());
        Assert.Equal("4285.4", ask.GetProperty("price").GetString());
    }

    [Fact]
    public async Task Quote_MissingMid_OneLineErrorExitCode2()
    {
        var (code, output, error) = await Run("quote", "--config", Config, "--mid", "ETH=4285.5");
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal("error: --mid is missing for BTC (strategy mm_btc_perp): pass --mid BTC=<price>" + Environment.NewLine, error);
    }

    [Fact]
    public async Task Quote_BadConfig_ExitCode2WithoutStackTrace()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hypermm-bad-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(Config)).Replace("gamma: 0.12", "gamma: -1", StringComparison.Ordinal));
        try
        {
            var (code, _, error) = await Run("quote", "--config", path, "--mid", "4000");
            Assert.Equal(2, code);
            Assert.Contains("strategy 'mm_eth_perp', key 'gamma': value '-1' is out of range", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            Assert.Single(error.Trim().Split('\n'));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--mid", "abc")]
    [InlineData("--strategy", "mm_nope")]
    [InlineData("--bogus", "1")]
    public async Task Quote_BadArguments_ExitCode2(string option, string value)
    {
        var (code, _, error) = await Run("quote", "--config", Config, option, value);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quote_MicroPriceCentre_ShowsTheImbalanceItsBucketAndTheOffset()
    {
        // config/research/microprice.yaml, ETH: one tick (4285.4 / 4285.5), I = 0.9 → bucket 5 of 5 → G = 5.1786
        // ticks (the table's one-tick row); offset 5.1786 × 0.1 / 4285.45 × 10⁴ = 1.20841 bps; flat, so the
        // reservation is that offset: 4285.45 × (1 + 1.20841e-4) = 4285.967856.
        var microprice = Path.Combine(SharedData.RepositoryRoot, "config/research/microprice.yaml");
        var (code, output, _) = await Run("quote", "--config", microprice, "--strategy", "micro_eth_perp", "--mid", "4285.45", "--imbalance", "ETH=0.9", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var terms = Assert.Single(doc.RootElement.EnumerateArray().ToList()).GetProperty("terms");
        Assert.Equal(0.9, terms.GetProperty("imbalance").GetDouble(), 12);
        Assert.Equal(5.1786, terms.GetProperty("microPriceTicks").GetDouble(), 12);
        Assert.Equal(1.20841, terms.GetProperty("fairValueBps").GetDouble(), 5);
        Assert.Equal(1.20841, terms.GetProperty("reservationBps").GetDouble(), 5);

        var (bad, _, error) = await Run("quote", "--config", microprice, "--strategy", "micro_eth_perp", "--mid", "4285.45", "--imbalance", "ETH=1.5");
        Assert.Equal(2, bad);
        Assert.Contains("--imbalance for ETH must be within [0, 1], got 1.5", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quote_Glft_ShowsItsCoefficients()
    {
        // config/research/glft.yaml, ETH (γ 0.1, κ 0.795, A 0.1396, σ 0.912): c1 = ln(1 + 0.1/0.795)/0.1 = 0.118482/0.1 = 1.18482 bps.
        var glft = Path.Combine(SharedData.RepositoryRoot, "config/research/glft.yaml");
        var (code, output, _) = await Run("quote", "--config", glft, "--strategy", "glft_eth_perp", "--mid", "4285.5", "--position", "0.05", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var eth = Assert.Single(doc.RootElement.EnumerateArray().ToList());
        Assert.Equal("glft", eth.GetProperty("model").GetString());
        var terms = eth.GetProperty("terms");
        Assert.Equal(1.18482, terms.GetProperty("c1").GetDouble(), 5);
        Assert.Equal(5.0, terms.GetProperty("qOrders").GetDouble());
    }
}
