using HyperMM.Core.Primitives;

namespace HyperMM.LocalExchange.Accounts;

/// <summary>
/// Who exists on the local venue: funded master accounts and the agents (API wallets) they approved
/// (PROTOCOL §8.1). An agent signs L1 actions for its master; approving a new unnamed agent replaces the old
/// unnamed one, and a named agent replaces the one with the same name. Thread-safe.
/// </summary>
public sealed class AccountDirectory
{
    /// <summary>Named agents per account (PROTOCOL §8.1: 1 unnamed + up to 3 named).</summary>
    public const int MaxNamedAgents = 3;

    private readonly HashSet<Address> _masters = [];
    private readonly Dictionary<Address, AgentApproval> _agents = [];
    private readonly Lock _gate = new();

    /// <summary>Registers a funded master account (idempotent).</summary>
    public void AddMaster(Address master)
    {
        lock (_gate)
        {
            _masters.Add(master);
        }
    }

    public bool IsMaster(Address address)
    {
        lock (_gate)
        {
            return _masters.Contains(address);
        }
    }

    /// <summary>
    /// The account an L1 action signed by <paramref name="signer"/> trades for, or null when the signer is
    /// neither a master nor a live agent ("User or API Wallet … does not exist.").
    /// </summary>
    public Address? ResolveTradingAccount(Address signer, long nowMs)
    {
        lock (_gate)
        {
            if (_masters.Contains(signer))
            {
                return signer;
            }

            return _agents.TryGetValue(signer, out var a) && (a.ValidUntilMs is null || a.ValidUntilMs > nowMs) ? a.Master : null;
        }
    }

    /// <summary>Approves <paramref name="agent"/> for <paramref name="master"/>. Returns null or the venue's error text.</summary>
    public string? Approve(Address master, Address agent, string name, long? validUntilMs)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_gate)
        {
            if (!_masters.Contains(master))
            {
                return $"Must deposit before performing actions. User: {master}";
            }

            if (_masters.Contains(agent))
            {
                return $"Agent address is already a user: {agent}";
            }

            if (_agents.TryGetValue(agent, out var existing) && existing.Master != master)
            {
                return $"Agent already in use: {agent}";
            }

            var replaced = _agents.Values.Where(a => a.Master == master && a.Name == name).Select(a => a.Agent).ToList();
            foreach (var old in replaced)
            {
                _agents.Remove(old);
            }

            if (name.Length > 0 && _agents.Values.Count(a => a.Master == master && a.Name.Length > 0) >= MaxNamedAgents)
            {
                return "Too many named agents.";
            }

            _agents[agent] = new AgentApproval(agent, master, name, validUntilMs);
            return null;
        }
    }

    public AccountRole RoleOf(Address address, out Address? master)
    {
        lock (_gate)
        {
            master = null;
            if (_masters.Contains(address))
            {
                return AccountRole.User;
            }

            if (_agents.TryGetValue(address, out var a))
            {
                master = a.Master;
                return AccountRole.Agent;
            }

            return AccountRole.Missing;
        }
    }

    /// <summary>Named agents of <paramref name="master"/> (what <c>extraAgents</c> lists).</summary>
    public IReadOnlyList<AgentApproval> NamedAgentsOf(Address master)
    {
        lock (_gate)
        {
            return [.. _agents.Values.Where(a => a.Master == master && a.Name.Length > 0).OrderBy(a => a.Name, StringComparer.Ordinal)];
        }
    }
}
