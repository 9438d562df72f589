using HyperMM.Core.Model;

namespace HyperMM.Cli.Hosting;

/// <summary>Where strategies' keys come from: the environment (real networks) or the local exchange's rehearsal accounts.</summary>
public interface IStrategyKeys
{
    /// <summary>Throws <see cref="VenueSetupException"/> saying what to set when there is no usable key.</summary>
    StrategyKey Resolve(StrategyParameters strategy);
}
