using System.Security.Cryptography;
using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Signing;

namespace HyperMM.LocalExchange.Accounts;

/// <summary>
/// A funded master account on the local exchange and an API wallet (agent) approved for it, for one strategy.
/// Keys are fresh random keys that exist only on this local venue; <see cref="ToString"/> never shows them.
/// </summary>
public sealed class RehearsalAccount
{
    private readonly string _agentKeyHex;

    private RehearsalAccount(string name, PrivateKey masterKey, PrivateKey agentKey, string agentKeyHex, decimal usdc)
    {
        Name = name;
        MasterKey = masterKey;
        AgentKey = agentKey;
        _agentKeyHex = agentKeyHex;
        Usdc = usdc;
    }

    /// <summary>The strategy (or any) name the account was created for; also the agent's name on the venue.</summary>
    public string Name { get; }

    /// <summary>The trading account (what /info queries and user subscriptions use).</summary>
    public Address Master => MasterKey.Address;

    /// <summary>The API wallet that signs orders for <see cref="Master"/>.</summary>
    public Address Agent => AgentKey.Address;

    /// <summary>The master's own key (can approve further agents).</summary>
    public PrivateKey MasterKey { get; }

    /// <summary>The agent's key: what a strategy signs with.</summary>
    public PrivateKey AgentKey { get; }

    public decimal Usdc { get; }

    /// <summary>Creates fresh random master and agent keys.</summary>
    public static RehearsalAccount Create(string name, decimal usdc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var master = PrivateKey.Parse(RandomKeyHex());
        var agentHex = RandomKeyHex();
        return new RehearsalAccount(name, master, PrivateKey.Parse(agentHex), agentHex, usdc);
    }

    /// <summary>The agent key as 0x + 64 hex, for an owner-only key file or an environment variable. Never log it.</summary>
    public string RevealAgentPrivateKeyHex() => _agentKeyHex;

    public override string ToString() => $"RehearsalAccount({Name}, master {Master.Hex}, agent {Agent.Hex}, key redacted)";

    private static string RandomKeyHex()
    {
        Span<byte> bytes = stackalloc byte[32];
        while (true)
        {
            RandomNumberGenerator.Fill(bytes);
            var hex = "0x" + Convert.ToHexStringLower(bytes);
            if (PrivateKey.TryParse(hex, out _))
            {
                return hex; // a valid scalar (0 < d < n); anything else is astronomically rare but retried
            }
        }
    }
}
