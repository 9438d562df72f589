using HyperMM.Core.Primitives;

namespace HyperMM.Cli.Doctor;

/// <summary>What the venue's <c>userRole</c> says an address is (PROTOCOL §6, §8).</summary>
/// <param name="Role">"user", "agent", "vault", "subAccount" or "missing".</param>
/// <param name="Master">For an agent, the account it trades for; for a sub-account, its master.</param>
public sealed record AccountRole(string Role, Address? Master = null)
{
    public static AccountRole Missing { get; } = new("missing");
}
