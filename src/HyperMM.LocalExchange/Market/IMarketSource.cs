using HyperMM.Simulation.Market;

namespace HyperMM.LocalExchange.Market;

/// <summary>The outside market that feeds the venue: the synthetic market or a replay.</summary>
public interface IMarketSource
{
    /// <summary>Advances the source by <paramref name="elapsed"/> of market time and appends what happened, in order.</summary>
    void Advance(TimeSpan elapsed, List<MarketEvent> output);

    /// <summary>True when a replay has run out of data.</summary>
    bool IsExhausted { get; }
}
