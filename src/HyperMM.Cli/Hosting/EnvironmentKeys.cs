using HyperMM.Cli.Failures;
using HyperMM.Core.Model;
using HyperMM.Hyperliquid.Signing;

namespace HyperMM.Cli.Hosting;

/// <summary>Keys from each strategy's <c>key_env</c> variable; the account from the config.</summary>
public sealed class EnvironmentKeys : IStrategyKeys
{
    public StrategyKey Resolve(StrategyParameters strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        try
        {
            return new StrategyKey(PrivateKey.FromEnvironment(strategy.KeyEnvironmentVariable), strategy.Account);
        }
        catch (PrivateKeyException ex)
        {
            throw new VenueSetupException($"{strategy.Name}: {ex.Message} (run 'hypermm doctor' for the full check)", ex);
        }
    }
}
