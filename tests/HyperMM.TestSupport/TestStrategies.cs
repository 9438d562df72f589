using HyperMM.Cli.Config;
using HyperMM.Core.Instruments;
using HyperMM.Core.Model;
using HyperMM.Core.Primitives;

namespace HyperMM.TestSupport;

/// <summary>
/// The three shipped strategies exactly as config/strategies.yaml defines them, loaded once through the CLI's loader
/// (so every default comes from the one schema, and a value changed in the shipped file is what the tests see).
/// Instruments come from the one catalog (<see cref="HyperliquidPerpCatalog"/>).
/// </summary>
public static class TestStrategies
{
    public static StrategyParameters Eth => Named("mm_eth_perp");

    public static StrategyParameters Btc => Named("mm_btc_perp");

    public static StrategyParameters Hype => Named("mm_hype_perp");

    public static IReadOnlyList<StrategyParameters> All { get; } =
        StrategyConfigLoader.Load(Path.Combine(SharedData.RepositoryRoot, StrategyConfigLoader.DefaultRelativePath));

    public static InstrumentSpec EthSpec => HyperliquidPerpCatalog.Eth.Spec;

    public static InstrumentSpec BtcSpec => HyperliquidPerpCatalog.Btc.Spec;

    public static InstrumentSpec HypeSpec => HyperliquidPerpCatalog.Hype.Spec;

    private static StrategyParameters Named(string name) => All.Single(s => s.Name == name);

    public static InstrumentSpec SpecFor(StrategyParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return p.Coin.Name switch
        {
            "ETH" => EthSpec,
            "BTC" => BtcSpec,
            "HYPE" => HypeSpec,
            _ => throw new ArgumentException("unknown coin " + p.Coin, nameof(p)),
        };
    }
}
