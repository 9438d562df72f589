namespace HyperMM.LocalExchange.Accounts;

/// <summary>What <c>userRole</c> answers for an address.</summary>
public enum AccountRole
{
    Missing,
    User,
    Agent,
}
