using HyperMM.Core.Primitives;

namespace HyperMM.Cli.Doctor;

/// <summary>The read-only venue questions the doctor asks (all <c>/info</c>; nothing is signed or sent).</summary>
public interface IDoctorVenue
{
    Task<AccountRole> UserRoleAsync(Address address, CancellationToken cancellationToken);

    Task<IReadOnlyList<Address>> ExtraAgentsAsync(Address account, CancellationToken cancellationToken);

    Task<DoctorAccountState> AccountStateAsync(Address account, Coin coin, CancellationToken cancellationToken);

    /// <summary>Null when the coin is not a listed perp.</summary>
    Task<DoctorMarket?> MarketAsync(Coin coin, CancellationToken cancellationToken);

    Task<(long Used, long Cap)> RequestBudgetAsync(Address account, CancellationToken cancellationToken);

    /// <summary>Venue clock minus local clock in ms, or null when the venue does not say.</summary>
    Task<long?> ClockSkewMsAsync(CancellationToken cancellationToken);
}
