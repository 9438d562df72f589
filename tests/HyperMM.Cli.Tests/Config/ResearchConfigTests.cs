using HyperMM.Cli.Config;
using HyperMM.Cli.Output;
using HyperMM.Core.Model;
using HyperMM.Core.Primitives;
using HyperMM.Simulation.Calibration;
using HyperMM.Simulation.Market;
using HyperMM.TestSupport;

namespace HyperMM.Cli.Tests.Config;

/// <summary>The GLFT and micro-price keys: the shipped research examples load, calibrate's fragment loads, mistakes are one line.</summary>
public class ResearchConfigTests
{
    private static string HlData => Path.Combine(SharedData.RootPath, "data/Avellaneda_Stoikov_Market_Making_parameter_calibration/HL_data");

    private static ConfigException Fails(string yaml) =>
        Assert.Throws<ConfigException>(() => StrategyConfigLoader.Parse(yaml, "test.yaml"));

    private static string Strategy(string extra) => $"""
        strategies:
          eth:
            coin: ETH
            mm_order_size: 0.01
            mm_max_abs_position: 0.20
            vol_prior_bps_1s: 0.9
            key_env: HYPERMM_ETH_KEY
        {extra}
        """;

    [Fact]
    public void Glft_example_loads_with_its_calibrated_keys_and_fill_pressure_off()
    {
        var strategies = StrategyConfigLoader.Load(Path.Combine(SharedData.RepositoryRoot, "config/research/glft.yaml")).ToDictionary(s => s.Coin.Name);
        Assert.Equal(["ETH", "BTC"], strategies.Keys);
        var eth = strategies["ETH"];
        Assert.Equal("glft", eth.Model.Name);
        Assert.Equal((0.1, 0.795, 0.1396), (eth.Model["gamma"], eth.Model["kappa"], eth.Model["a_per_s"]));
        Assert.Equal(0, eth.Model["pressure_max_steps"]); // GLFT's default: off
        Assert.All(strategies.Values, s => Assert.Equal(0, s.CreateModel(TestStrategies.SpecFor(s)).PressureStage(3_600)));
        Assert.Same(FairValue.Mid, eth.FairValue);
    }

    [Fact]
    public void Microprice_example_is_the_seed_model_around_the_fitted_table()
    {
        var strategies = StrategyConfigLoader.Load(Path.Combine(SharedData.RepositoryRoot, "config/research/microprice.yaml")).ToDictionary(s => s.Coin.Name);
        var seed = TestStrategies.Eth;
        var eth = strategies["ETH"];
        Assert.Equal(seed.Model.Values, eth.Model.Values); // the seed's model keys, value for value
        Assert.Equal(FairValue.MicroPriceName, eth.FairValue.Name);
        var table = eth.FairValue.MicroPrice!;
        Assert.Equal((5, 2), (table.Buckets, table.MaxSpreadTicks));
        Assert.Equal(5.1786, table.AdjustmentTicks(1, 4));
        Assert.Equal(-11.0697, strategies["BTC"].FairValue.MicroPrice!.AdjustmentTicks(2, 0));
    }

    [Fact]
    public void Calibrates_fragment_gives_keys_the_schemas_accept()
    {
        // The one place that maps a calibration onto keys (CalibrationYaml) against the one place that defines them
        // (the schemas): ETH's glft block and microprice block, pasted into a strategy, load.
        var coin = new Coin("ETH");
        var fragment = CalibrationYaml.Fragment("test", [MarketCalibrator.Calibrate(coin, MarketDataLoader.Load(HlData, coin))]);
        var glft = Block(fragment, "glft");
        var micro = Block(fragment, "microprice");
        Assert.Contains(glft, l => l.StartsWith("    a_per_s: ", StringComparison.Ordinal));
        Assert.Contains(micro, l => l.StartsWith("    microprice_g_ticks: [[", StringComparison.Ordinal));

        var yaml = Strategy(string.Join("\n", glft.Where(l => !l.Contains("vol_prior", StringComparison.Ordinal)).Concat(micro).Append("    gamma: 0.1")));
        var s = Assert.Single(StrategyConfigLoader.Parse(yaml, "test.yaml"));
        Assert.Equal("glft", s.Model.Name);
        Assert.Equal(FairValue.MicroPriceName, s.FairValue.Name);
        Assert.InRange(s.Model["kappa"], 0.7, 0.9); // docs/SIMULATION.md §7: 0.795
    }

    /// <summary>The lines of one model's block of the fragment, re-indented as strategy keys.</summary>
    private static List<string> Block(string fragment, string name)
    {
        var lines = fragment.Split('\n');
        var start = Array.IndexOf(lines, $"    {name}:");
        Assert.True(start >= 0, fragment);
        return [.. lines.Skip(start + 1).TakeWhile(l => l.StartsWith("      ", StringComparison.Ordinal)).Select(l => l[2..])];
    }

    [Fact]
    public void Glft_without_its_intensity_is_refused_naming_the_key()
    {
        var ex = Fails(Strategy("    model: glft\n    gamma: 0.1\n    kappa: 0.8"));
        Assert.Equal("test.yaml:2: strategy 'eth' is missing the required key 'a_per_s' of model 'glft' (order-arrival rate A at the centre, per second per side (hypermm calibrate); allowed: a number > 0 and <= 100000)", ex.Message);
    }

    [Fact]
    public void Microprice_without_a_table_is_refused()
    {
        var ex = Fails(Strategy("    model: ladder\n    fair_value: microprice"));
        Assert.Equal("test.yaml:9: strategy 'eth', key 'fair_value': microprice needs 'microprice_g_ticks' in the strategy (the table `hypermm calibrate` writes for its coin)", ex.Message);
    }

    [Theory]
    [InlineData("[[0.1, 0.2], [0.3]]", "test.yaml:10: strategy 'eth', key 'microprice_g_ticks': row 2 (spread 2 ticks) has 1 values, row 1 has 2: every row needs one value per imbalance bucket (allowed: a list of rows")]
    [InlineData("[[0.1, abc]]", "test.yaml:10: strategy 'eth', key 'microprice_g_ticks': row 1 has 'abc', not a number (allowed: a list of rows")]
    [InlineData("0.4", "test.yaml:10: strategy 'eth', key 'microprice_g_ticks': expects a list of rows (allowed: a list of rows")]
    [InlineData("[[0, 250]]", "test.yaml:10: strategy 'eth', key 'microprice_g_ticks': row 1 has 250: values are ticks, finite, within ±100 (allowed:")]
    public void A_bad_table_is_one_line_with_file_line_and_what_is_wrong(string table, string expected)
    {
        var ex = Fails(Strategy($"    model: ladder\n    fair_value: microprice\n    microprice_g_ticks: {table}"));
        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_belongs_to_one_strategy_not_to_defaults()
    {
        var ex = Fails("defaults:\n  microprice_g_ticks: [[0, 0]]\n" + Strategy("    model: ladder"));
        Assert.Equal("test.yaml:2: defaults: 'microprice_g_ticks' belongs to one strategy only, not to defaults", ex.Message);
    }

    [Fact]
    public void Fair_value_names_are_checked()
    {
        var ex = Fails(Strategy("    model: ladder\n    fair_value: weighted_mid"));
        Assert.Equal("test.yaml:9: strategy 'eth', key 'fair_value': 'weighted_mid' is not a fair value (allowed: mid or microprice)", ex.Message);
    }
}
