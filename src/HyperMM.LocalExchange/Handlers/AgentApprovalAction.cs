using System.Globalization;
using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Actions;
using HyperMM.LocalExchange.Accounts;

namespace HyperMM.LocalExchange.Handlers;

/// <summary><c>approveAgent</c>: a funded master names an API wallet (PROTOCOL §8.2). Called under the venue's lock.</summary>
internal sealed class AgentApprovalAction(VenueContext venue)
{
    /// <summary>The answer to an approval signed by <paramref name="signer"/>; null error text means accepted.</summary>
    public string? Approve(Address signer, ApproveAgentAction approve, long nonce, long now)
    {
        ArgumentNullException.ThrowIfNull(approve);
        if (!venue.Directory.IsMaster(signer))
        {
            return venue.Directory.RoleOf(signer, out _) == AccountRole.Agent
                ? "Agent cannot approve another agent."
                : $"Must deposit before performing actions. User: {signer.Hex}";
        }

        if (venue.Nonces.Check(signer, nonce, now) is { } nonceError)
        {
            return nonceError;
        }

        var (name, validUntil) = ParseAgentName(approve.SignedAgentName);
        if (venue.Directory.Approve(signer, approve.AgentAddress, name, validUntil) is { } error)
        {
            return error;
        }

        venue.Nonces.Record(signer, nonce);
        return null;
    }

    /// <summary>"name valid_until 1700000000000" → (name, expiry); plain names never expire.</summary>
    public static (string Name, long? ValidUntil) ParseAgentName(string agentName)
    {
        ArgumentNullException.ThrowIfNull(agentName);
        const string marker = " valid_until ";
        var at = agentName.LastIndexOf(marker, StringComparison.Ordinal);
        if (at >= 0 && long.TryParse(agentName.AsSpan(at + marker.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var until))
        {
            return (agentName[..at], until);
        }

        return (agentName, null);
    }
}
