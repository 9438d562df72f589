using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Signing;

namespace HyperMM.Hyperliquid.Accounts;

/// <summary>
/// Who signs and whose account trades (PROTOCOL §8.1). The signer is the master key itself or an approved API
/// wallet (agent) of <see cref="Master"/>; <see cref="Vault"/> is set when trading for a sub-account or vault (it
/// then goes into the hash and the envelope). Queries always use <see cref="QueryAddress"/>, never the agent.
/// </summary>
public sealed class TradingAccount
{
    public TradingAccount(PrivateKey signer, Address? master = null, Address? vault = null)
    {
        Signer = signer ?? throw new ArgumentNullException(nameof(signer));
        Master = master ?? signer.Address;
        Vault = vault;
        if (vault == Master)
        {
            throw new ArgumentException("vaultAddress must be a sub-account or vault, never the master account itself (the venue answers 'Vault not registered').", nameof(vault));
        }
    }

    public PrivateKey Signer { get; }

    public Address SignerAddress => Signer.Address;

    /// <summary>The master account (holds the funds). Equals the signer address when the master key signs.</summary>
    public Address Master { get; }

    public Address? Vault { get; }

    /// <summary>True when an API wallet signs for <see cref="Master"/>.</summary>
    public bool IsAgent => Signer.Address != Master;

    /// <summary>The address whose state /info and user streams report: the vault/sub-account if set, else the master.</summary>
    public Address QueryAddress => Vault ?? Master;

    public override string ToString()
        => $"TradingAccount(signer {SignerAddress.Hex}{(IsAgent ? " (agent)" : string.Empty)}, master {Master.Hex}{(Vault is { } v ? ", vault " + v.Hex : string.Empty)})";
}
