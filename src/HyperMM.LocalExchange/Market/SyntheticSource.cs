using HyperMM.Simulation.Market;

namespace HyperMM.LocalExchange.Market;

/// <summary>The simulation's calibrated synthetic market (ETH, BTC, HYPE) as the venue's outside market.</summary>
public sealed class SyntheticSource(SyntheticMarket market) : IMarketSource
{
    public bool IsExhausted => false;

    public static SyntheticSource Create(int seed, long startMs) => new(new SyntheticMarket(SyntheticCoinProfile.Defaults, seed, startMs));

    public void Advance(TimeSpan elapsed, List<MarketEvent> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.AddRange(market.Step(elapsed));
    }
}
