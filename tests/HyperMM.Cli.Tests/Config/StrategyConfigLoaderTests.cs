using HyperMM.Cli.Config;
using HyperMM.Core.Model;
using HyperMM.TestSupport;

namespace HyperMM.Cli.Tests.Config;

public class StrategyConfigLoaderTests
{
    private static string ShippedPath => Path.Combine(SharedData.RepositoryRoot, "config/strategies.yaml");

    private const string Minimal = """
        strategies:
          mm_eth_perp:
            coin: ETH
            mm_order_size: 0.01
            mm_max_abs_position: 0.20
            gamma: 0.12
            kappa: 1.5
            min_spread_bps: 5
            max_spread_bps: 90
            vol_prior_bps_1s: 0.9
            key_env: HYPERMM_ETH_KEY
        """;

    private static ConfigException Fails(string yaml) =>
        Assert.Throws<ConfigException>(() => StrategyConfigLoader.Parse(yaml, "test.yaml"));

    [Fact]
    public void Load_ShippedConfig_HasExactlyTheSeedValues()
    {
        var strategies = StrategyConfigLoader.Load(ShippedPath).ToDictionary(s => s.Name);
        Assert.Equal(["mm_eth_perp", "mm_btc_perp", "mm_hype_perp"], strategies.Keys);

        // The mission's table, row by row.
        AssertSeed(strategies["mm_eth_perp"], "ETH", 0.01m, 0.20m, 0.12, 1.5, 5, 90);
        AssertSeed(strategies["mm_btc_perp"], "BTC", 0.001m, 0.004m, 0.15, 1.8, 4, 80);
        AssertSeed(strategies["mm_hype_perp"], "HYPE", 1.0m, 12m, 0.20, 1.2, 12, 250);
        Assert.All(strategies.Values, s =>
        {
            Assert.Equal(30, s.As().TargetFillSeconds);
            Assert.Equal(1.0, s.Volatility.SampleIntervalSeconds);
            Assert.Equal(300, s.Volatility.WindowSamples);
            Assert.Equal(60, s.Volatility.HorizonSeconds);
            Assert.Equal(RequoteMode.Amend, s.RequoteMode);
            Assert.Null(s.Account);
        });
        Assert.Equal(["HYPERMM_ETH_KEY", "HYPERMM_BTC_KEY", "HYPERMM_HYPE_KEY"], strategies.Values.Select(s => s.KeyEnvironmentVariable));
    }

    private static void AssertSeed(StrategyParameters s, string coin, decimal size, decimal cap, double gamma, double kappa, double min, double max)
    {
        Assert.Equal(coin, s.Coin.Name);
        Assert.Equal(size, s.OrderSize);
        Assert.Equal(cap, s.MaxAbsPosition);
        Assert.Equal(gamma, s.As().Gamma);
        Assert.Equal(kappa, s.As().Kappa);
        Assert.Equal(min, s.As().MinSpreadBps);
        Assert.Equal(max, s.As().MaxSpreadBps);
    }

    [Fact]
    public void Parse_DefaultsApplyAndStrategiesOverrideThem()
    {
        var yaml = "defaults:\n  size_skew: 0.5\n  requote_mode: replace\n" + Minimal + "\n    size_skew: 2\n";
        var s = Assert.Single(StrategyConfigLoader.Parse(yaml, "test.yaml"));
        Assert.Equal(2.0, s.As().SizeSkew);
        Assert.Equal(RequoteMode.Replace, s.RequoteMode);
    }

    [Fact]
    public void Parse_UnknownKey_NamesFileLineStrategyKeyAndSuggests()
    {
        var ex = Fails(Minimal + "\n    gama: 0.1\n");
        Assert.Equal("test.yaml:12: strategy 'mm_eth_perp': unknown key 'gama' (did you mean 'gamma'?)", ex.Message);
    }

    [Theory]
    [InlineData("gamma: -0.1", "test.yaml:6: strategy 'mm_eth_perp', key 'gamma': value '-0.1' is out of range (allowed: a number > 0 and <= 10)")]
    [InlineData("gamma: 0", "test.yaml:6: strategy 'mm_eth_perp', key 'gamma': value '0' is out of range (allowed: a number > 0 and <= 10)")]
    [InlineData("gamma: high", "test.yaml:6: strategy 'mm_eth_perp', key 'gamma': 'high' is not a number (allowed: a number > 0 and <= 10)")]
    [InlineData("mm_order_size: 0", "test.yaml:4: strategy 'mm_eth_perp', key 'mm_order_size': value '0' is out of range (allowed: a number > 0 and <= 1000000)")]
    [InlineData("min_spread_bps: 95", "test.yaml:8: strategy 'mm_eth_perp', key 'min_spread_bps': value 95 is above max_spread_bps 90 (allowed: min_spread_bps <= max_spread_bps)")]
    [InlineData("mm_order_size: 0.5", "test.yaml:4: strategy 'mm_eth_perp', key 'mm_order_size': value 0.5 is above mm_max_abs_position 0.20 (allowed: mm_order_size <= mm_max_abs_position)")]
    [InlineData("key_env: my-key", "test.yaml:11: strategy 'mm_eth_perp', key 'key_env': 'my-key' is not an environment variable name (allowed: an environment variable name: A-Z, 0-9 and _, not starting with a digit)")]
    [InlineData("coin: [ETH]", "test.yaml:3: strategy 'mm_eth_perp', key 'coin': expects a single value (allowed: a coin name as the venue lists it, e.g. ETH)")]
    public void Parse_BadValue_OneMessageWithFileLineStrategyKeyValueAndRange(string replacement, string expected)
    {
        var key = replacement[..replacement.IndexOf(':', StringComparison.Ordinal)];
        var lines = Minimal.Split('\n').Select(l => l.TrimStart().StartsWith(key + ":", StringComparison.Ordinal) ? "    " + replacement : l);
        var ex = Fails(string.Join('\n', lines));
        Assert.Equal(expected, ex.Message);
    }

    [Fact]
    public void Parse_MissingRequiredKey_SaysWhichAndWhy()
    {
        var yaml = string.Join('\n', Minimal.Split('\n').Where(l => !l.Contains("kappa", StringComparison.Ordinal)));
        var ex = Fails(yaml);
        Assert.Equal("test.yaml:2: strategy 'mm_eth_perp' is missing the required key 'kappa' of model 'avellaneda_stoikov' (order-arrival decay; allowed: a number > 0 and <= 1000)", ex.Message);
    }

    [Fact]
    public void Parse_PrivateKeyInTheFile_IsRefusedWithoutEchoingIt()
    {
        const string key = "0x0123456789012345678901234567890123456789012345678901234567890123";
        var ex = Fails(Minimal + $"\n    account: \"{key}\"\n");
        Assert.Contains("looks like a private key", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("0123456789012345678901234567890123456789", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AccountAddress_IsLowerCased()
    {
        var s = Assert.Single(StrategyConfigLoader.Parse(Minimal + "\n    account: \"0x14791697260E4c9A71f18484C9f997B308e59325\"\n", "test.yaml"));
        Assert.Equal("0x14791697260e4c9a71f18484c9f997b308e59325", s.Account!.Value.Hex);
    }

    [Fact]
    public void Parse_InvalidYaml_ReportsLineAndColumn()
    {
        var ex = Fails("strategies:\n  mm_eth_perp:\n    coin: ETH\n   gamma: [1, 2\n");
        Assert.StartsWith("test.yaml:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not valid YAML", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TwoStrategiesOnOneCoin_IsRefused()
    {
        var second = Minimal.Replace("mm_eth_perp", "mm_eth_two", StringComparison.Ordinal).Replace("HYPERMM_ETH_KEY", "OTHER_KEY", StringComparison.Ordinal)
            .Replace("strategies:\n", string.Empty, StringComparison.Ordinal);
        var ex = Fails(Minimal + "\n" + second);
        Assert.Equal("test.yaml: strategies 'mm_eth_perp' and 'mm_eth_two' quote the same coin ETH: one strategy per coin", ex.Message);
    }

    [Fact]
    public void Parse_UnknownTopLevelKeyAndEmptyFile_AreRefused()
    {
        Assert.Equal("test.yaml:1: unknown top-level key 'strategy' (allowed: defaults, strategies)", Fails("strategy:\n  x: 1\n").Message);
        Assert.Equal("test.yaml: the file is empty: it must define 'strategies:'", Fails(string.Empty).Message);
    }

    [Fact]
    public void Load_MissingFile_IsAConfigErrorNotACrash()
    {
        var ex = Assert.Throws<ConfigException>(() => StrategyConfigLoader.Load("/nonexistent/strategies.yaml"));
        Assert.StartsWith("/nonexistent/strategies.yaml: cannot read the configuration file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoModelKey_IsTheSeedsModel_AndGivesTheSameQuoteAsNamingIt()
    {
        var implicitModel = Assert.Single(StrategyConfigLoader.Parse(Minimal, "test.yaml"));
        var explicitModel = Assert.Single(StrategyConfigLoader.Parse(Minimal + "\n    model: avellaneda_stoikov\n", "test.yaml"));
        Assert.Equal("avellaneda_stoikov", implicitModel.Model.Name);
        Assert.Equal(implicitModel.Model.Values, explicitModel.Model.Values);
        var context = new QuoteContext(new Core.Market.TopOfBook(4285.4m, 1m, 4285.6m, 1m), null, 0.05m, 0m, 0m, new MarketStatistics(48.6, 0.81), 0.0, 0);
        var a = implicitModel.CreateModel(TestStrategies.EthSpec).Quote(context);
        var b = explicitModel.CreateModel(TestStrategies.EthSpec).Quote(context);
        Assert.Equal(a.Orders, b.Orders);
    }

    [Fact]
    public void Parse_LadderModel_TakesItsOwnKeysAndDefaults()
    {
        const string yaml = """
            strategies:
              mm_eth_perp:
                coin: ETH
                model: ladder
                ladder_levels: 4
                mm_order_size: 0.01
                mm_max_abs_position: 0.20
                vol_prior_bps_1s: 0.9
                key_env: HYPERMM_ETH_KEY
            """;
        var s = Assert.Single(StrategyConfigLoader.Parse(yaml, "test.yaml"));
        Assert.Equal("ladder", s.Model.Name);
        Assert.Equal(4, s.Model["ladder_levels"]);
        Assert.Equal(5.0, s.Model["ladder_first_bps"]); // the schema's default
    }

    [Fact]
    public void Parse_KeyOfAnotherModel_IsRefusedWithTheModelNamed()
    {
        const string yaml = """
            strategies:
              mm_eth_perp:
                coin: ETH
                model: ladder
                gamma: 0.12
                mm_order_size: 0.01
                mm_max_abs_position: 0.20
                vol_prior_bps_1s: 0.9
                key_env: HYPERMM_ETH_KEY
            """;
        var ex = Fails(yaml);
        Assert.StartsWith("test.yaml:5: strategy 'mm_eth_perp': key 'gamma' is not a key of model 'ladder' (its keys: ladder_levels,", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DefaultsForAnotherModelsKeys_ApplyOnlyToThatModel()
    {
        // size_skew in defaults is the Avellaneda-Stoikov strategies' default; the ladder strategy ignores it.
        const string yaml = """
            defaults:
              size_skew: 0.5
            strategies:
              mm_eth_perp:
                coin: ETH
                model: ladder
                mm_order_size: 0.01
                mm_max_abs_position: 0.20
                vol_prior_bps_1s: 0.9
                key_env: HYPERMM_ETH_KEY
            """;
        Assert.Equal("ladder", Assert.Single(StrategyConfigLoader.Parse(yaml, "test.yaml")).Model.Name);
    }

    [Fact]
    public void Parse_UnknownModel_NamesTheKnownOnes()
    {
        var ex = Fails(Minimal + "\n    model: glft_2013\n");
        Assert.Equal("test.yaml:12: strategy 'mm_eth_perp', key 'model': 'glft_2013' is not a quoting model (allowed: one of avellaneda_stoikov, ladder, glft)", ex.Message);
    }
}
