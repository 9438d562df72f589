using HyperMM.Cli.Commands;
using HyperMM.Cli.Config;
using HyperMM.Cli.Failures;
using HyperMM.Cli.Sweeps;
using HyperMM.Core.Model;
using HyperMM.TestSupport;

namespace HyperMM.Cli.Tests.Config;

/// <summary>
/// Issue 11 item 7: one validator for strategy parameters. The YAML loader and --sweep refuse the same value with the
/// same words; only the prefix saying where the value came from differs.
/// </summary>
public sealed class StrategyParameterRulesTests
{
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

    private static string Config => Path.Combine(SharedData.RepositoryRoot, "config/strategies.yaml");

    private static string SmallData => Path.Combine(SharedData.RootPath, "data/Hyperliquid_data_collector/HL_data");

    private static string YamlError(string yaml) => Assert.Throws<ConfigException>(() => StrategyConfigLoader.Parse(yaml, "test.yaml")).Message;

    [Fact]
    public async Task Sweep_MinSpreadAboveTheStrategysMax_IsRefusedWithTheLoadersMessage()
    {
        var (code, _, error) = await CliInvocation.RunAsync("backtest", "--data", SmallData, "--config", Config, "--strategy", "mm_eth_perp", "--sweep", "min_spread_bps=100");
        var fromYaml = YamlError(Minimal.Replace("min_spread_bps: 5", "min_spread_bps: 100", StringComparison.Ordinal));

        Assert.Equal(2, code);
        const string Rule = "strategy 'mm_eth_perp', key 'min_spread_bps': value 100 is above max_spread_bps 90 (allowed: min_spread_bps <= max_spread_bps)";
        Assert.Equal($"error: --sweep min_spread_bps=100, {Rule}", error.Trim());
        Assert.Equal($"test.yaml:8: {Rule}", fromYaml);
    }

    [Fact]
    public async Task Sweep_ValueOutOfItsRange_IsRefusedWithTheLoadersMessage()
    {
        var (code, _, error) = await CliInvocation.RunAsync("backtest", "--data", SmallData, "--config", Config, "--strategy", "mm_eth_perp", "--sweep", "gamma=5:20:5");
        var fromYaml = YamlError(Minimal.Replace("gamma: 0.12", "gamma: 15", StringComparison.Ordinal));

        Assert.Equal(2, code);
        Assert.Equal("error: --sweep, key 'gamma': value '15' is out of range (allowed: a number > 0 and <= 10)", error.Trim());
        Assert.Equal("test.yaml:6: strategy 'mm_eth_perp', key 'gamma': value '15' is out of range (allowed: a number > 0 and <= 10)", fromYaml);
    }

    [Fact]
    public async Task Sweep_SizeSkewZero_IsAcceptedAsTheConfigAcceptsIt()
    {
        var csv = Path.Combine(Path.GetTempPath(), $"hypermm-sweep-{Guid.NewGuid():N}.csv");
        try
        {
            var (code, output, error) = await CliInvocation.RunAsync("backtest", "--data", SmallData, "--config", Config, "--strategy", "mm_btc_perp", "--sweep", "size_skew=0:0:1", "--csv", csv);

            Assert.True(code == 0, error);
            Assert.Contains("size_skew=0", output, StringComparison.Ordinal);
            Assert.Equal(0.0, Assert.Single(StrategyConfigLoader.Parse(Minimal + "\n    size_skew: 0\n", "test.yaml")).As().SizeSkew);
        }
        finally
        {
            File.Delete(csv);
        }
    }

    [Fact]
    public void Check_ShippedStrategies_BreakNoRule()
    {
        Assert.All(StrategyConfigLoader.Load(Config), s => Assert.Empty(ParameterRules.Check(s)));
    }

    [Fact]
    public void Check_PressureFloorAboveTheSpreadCeiling_IsCaughtEvenWhenTheFloorIsTheDefault()
    {
        // max_spread_bps 0.5 is in its own range (> 0) but below the default pressure floor of 1 bps.
        var message = YamlError(Minimal.Replace("min_spread_bps: 5", "min_spread_bps: 0.5", StringComparison.Ordinal).Replace("max_spread_bps: 90", "max_spread_bps: 0.5", StringComparison.Ordinal));

        Assert.Equal("test.yaml:9: strategy 'mm_eth_perp', key 'pressure_min_spread_bps': value 1 is above max_spread_bps 0.5 (allowed: pressure_min_spread_bps <= max_spread_bps)", message);
    }

    [Fact]
    public void SchemaDefaults_AreTheValuesAStrategyGetsWithoutTheKey()
    {
        // The loader fills missing keys from the schemas (common and the model's); Core's record starts from the same
        // table. Both must agree, key by key, through the same field table --sweep uses.
        var loaded = Assert.Single(StrategyConfigLoader.Parse(Minimal, "test.yaml"));
        var core = new StrategyParameters
        {
            Name = loaded.Name,
            Coin = loaded.Coin,
            Model = loaded.Model,
            OrderSize = loaded.OrderSize,
            MaxAbsPosition = loaded.MaxAbsPosition,
            Volatility = VolatilityOptions.Default(0.9),
        };
        var schema = CommonParameters.Schema.Keys.Concat(loaded.Model.Definition.Schema.Keys);
        foreach (var key in schema.Where(k => k.Default is not null && ParameterFields.Has(loaded, k.Name)))
        {
            Assert.Equal(key.DefaultNumber, ParameterFields.Get(loaded, key.Name));
            Assert.Equal(ParameterFields.Get(core, key.Name), ParameterFields.Get(loaded, key.Name));
        }

        Assert.Equal(CommonParameters.Schema.Find("requote_mode")!.Default, loaded.RequoteMode);
        Assert.Equal(core.RequoteMode, loaded.RequoteMode);
        Assert.Equal(AvellanedaStoikovModel.ModelName, loaded.Model.Name);
    }

    [Fact]
    public void Apply_EveryNumericKeyRoundTripsThroughTheFieldTable()
    {
        foreach (var key in ParameterFields.Names(TestStrategies.Btc))
        {
            var changed = SweepSpec.Apply(TestStrategies.Btc, [(key, 7)]);
            Assert.Equal(7, ParameterFields.Get(changed, key));
        }
    }

    [Fact]
    public void Sweep_KeyTheStrategysModelLacks_IsRefusedWithTheModelNamed()
    {
        var ladder = TestStrategies.Eth with { Model = new ModelParameters(LadderModel.Definition, new Dictionary<string, double>()) };
        var spec = SweepSpec.Parse("gamma=0.1");
        var ex = Assert.Throws<UsageException>(() => spec.Validate([ladder]));
        Assert.StartsWith("--sweep: 'gamma' is not a key of model 'ladder' (strategy 'mm_eth_perp'; its keys: mm_order_size,", ex.Message, StringComparison.Ordinal);

        // The ladder's own key sweeps, and is range-checked by its schema.
        SweepSpec.Parse("ladder_levels=2:4:1").Validate([ladder]);
        Assert.Contains("ladder_levels", Assert.Throws<UsageException>(() => SweepSpec.Parse("ladder_levels=25")).Message, StringComparison.Ordinal);
    }
}
