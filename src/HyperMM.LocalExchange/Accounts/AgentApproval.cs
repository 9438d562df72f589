using HyperMM.Core.Primitives;

namespace HyperMM.LocalExchange.Accounts;

/// <summary>An API wallet (agent) approved by a master account. Name "" is the unnamed agent.</summary>
public sealed record AgentApproval(Address Agent, Address Master, string Name, long? ValidUntilMs);
