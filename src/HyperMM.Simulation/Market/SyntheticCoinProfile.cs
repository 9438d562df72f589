using HyperMM.Core.Instruments;

namespace HyperMM.Simulation.Market;

/// <summary>
/// Parameters of one coin in the <see cref="SyntheticMarket"/>. Sizes in coin units. Defaults for BTC and ETH were
/// measured on the HL recording of 2025-09-04 19:47–20:22 UTC (shared data §1, 3,785 books and ~6,800 trades per
/// coin): 1 s log-return std of the mid, trades per second, median trade size, Hill tail index of the top 10 % of
/// trade sizes, median top-of-book size, median size of the other levels, median time between book pushes. HYPE has
/// no recording; its figures are assumptions (see docs/SIMULATION.md).
/// </summary>
public sealed record SyntheticCoinProfile(
    InstrumentSpec Instrument,
    decimal StartMid,
    double VolBps1s,
    double TradesPerSecond,
    double MedianTradeSize,
    double TradeSizeTailAlpha,
    double TopLevelSize,
    double LevelSize,
    int Levels = 20,
    int BookIntervalMs = 540)
{
    /// <summary>BTC: vol 0.426 bps/√s, 3.19 trades/s, median trade 0.00297, tail α 1.12, top 9.2, level 1.36, books every 540 ms.</summary>
    public static SyntheticCoinProfile Btc { get; } = new(HyperliquidPerpCatalog.Btc.Spec, 110_000m, 0.426, 3.19, 0.00297, 1.12, 9.2, 1.36);

    /// <summary>ETH: vol 0.939 bps/√s, 3.28 trades/s, median trade 0.19, tail α 1.17, top 133, level 87, books every 540 ms.</summary>
    public static SyntheticCoinProfile Eth { get; } = new(HyperliquidPerpCatalog.Eth.Spec, 4_300m, 0.939, 3.28, 0.19, 1.17, 133, 87);

    /// <summary>HYPE (assumed, no recording): vol 2.5 bps/√s, 3 trades/s, median trade 5, tail α 1.2, top 2,000, level 800.</summary>
    public static SyntheticCoinProfile Hype { get; } = new(HyperliquidPerpCatalog.Hype.Spec, 40m, 2.5, 3.0, 5.0, 1.2, 2_000, 800);

    public static IReadOnlyList<SyntheticCoinProfile> Defaults { get; } = [Btc, Eth, Hype];
}
