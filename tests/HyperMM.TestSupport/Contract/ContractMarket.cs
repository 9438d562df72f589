using HyperMM.Core.Market;
using HyperMM.Core.Primitives;

namespace HyperMM.TestSupport.Contract;

/// <summary>
/// The venue every implementation under <see cref="ExchangeContract"/> is set up with: ETH listed (szDecimals 4,
/// tick 0.1 at 3,000), an outside book of five 5-ETH levels a side from 2999.9 / 3000.1 in 0.1 steps, and one fresh
/// account holding 100,000 USDC.
/// </summary>
public static class ContractMarket
{
    public const decimal BestBid = 2999.9m;
    public const decimal BestAsk = 3000.1m;
    public const decimal Tick = 0.1m;
    public const decimal LevelSize = 5m;
    public const int Levels = 5;
    public const decimal AccountUsdc = 100_000m;

    public static Coin Eth { get; } = new("ETH");

    public static OrderBookSnapshot Book(long timeMs) => new(
        Eth,
        timeMs,
        [.. Enumerable.Range(0, Levels).Select(i => new BookLevel(BestBid - (i * Tick), LevelSize, 1))],
        [.. Enumerable.Range(0, Levels).Select(i => new BookLevel(BestAsk + (i * Tick), LevelSize, 1))]);
}
