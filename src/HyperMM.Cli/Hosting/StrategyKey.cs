using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Signing;

namespace HyperMM.Cli.Hosting;

/// <summary>The key a strategy signs with and the account it trades (null: the key's own address).</summary>
public sealed record StrategyKey(PrivateKey Key, Address? Account)
{
    public override string ToString() => $"StrategyKey(signer {Key.Address}, account {Account?.ToString() ?? "the signer"})";
}
