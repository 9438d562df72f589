using HyperMM.Core.Instruments;
using HyperMM.Core.Model;
using HyperMM.Core.Primitives;

namespace HyperMM.TestSupport;

/// <summary>
/// The three shipped strategies with the seed's values (config/strategies.yaml), built in code so Core-level tests
/// do not depend on the YAML loader. Instruments come from the one catalog (<see cref="HyperliquidPerpCatalog"/>).
/// </summary>
public static class TestStrategies
{
    public static StrategyParameters Eth { get; } = new()
    {
        Name = "mm_eth_perp",
        Coin = new Coin("ETH"),
        OrderSize = 0.01m,
        MaxAbsPosition = 0.20m,
        Gamma = 0.12,
        Kappa = 1.5,
        MinSpreadBps = 5,
        MaxSpreadBps = 90,
        Volatility = VolatilityOptions.Default(0.9),
        KeyEnvironmentVariable = "HYPERMM_ETH_KEY",
    };

    public static StrategyParameters Btc { get; } = new()
    {
        Name = "mm_btc_perp",
        Coin = new Coin("BTC"),
        OrderSize = 0.001m,
        MaxAbsPosition = 0.004m,
        Gamma = 0.15,
        Kappa = 1.8,
        MinSpreadBps = 4,
        MaxSpreadBps = 80,
        Volatility = VolatilityOptions.Default(0.4),
        KeyEnvironmentVariable = "HYPERMM_BTC_KEY",
    };

    public static StrategyParameters Hype { get; } = new()
    {
        Name = "mm_hype_perp",
        Coin = new Coin("HYPE"),
        OrderSize = 1.0m,
        MaxAbsPosition = 12m,
        Gamma = 0.20,
        Kappa = 1.2,
        MinSpreadBps = 12,
        MaxSpreadBps = 250,
        Volatility = VolatilityOptions.Default(2.5),
        KeyEnvironmentVariable = "HYPERMM_HYPE_KEY",
    };

    public static IReadOnlyList<StrategyParameters> All { get; } = [Eth, Btc, Hype];

    public static InstrumentSpec EthSpec => HyperliquidPerpCatalog.Eth.Spec;

    public static InstrumentSpec BtcSpec => HyperliquidPerpCatalog.Btc.Spec;

    public static InstrumentSpec HypeSpec => HyperliquidPerpCatalog.Hype.Spec;

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
