using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Info;

namespace HyperMM.Cli.Doctor;

/// <summary>The doctor's questions answered by the venue's <c>/info</c> endpoint.</summary>
public sealed class InfoDoctorVenue(InfoClient info, TimeProvider time) : IDoctorVenue
{
    private PerpMeta? _meta;
    private AllMids? _mids;
    private long? _skewMs;

    public async Task<AccountRole> UserRoleAsync(Address address, CancellationToken cancellationToken)
    {
        var role = await info.UserRoleAsync(address, cancellationToken).ConfigureAwait(false);
        return new AccountRole(role.Role, role.User ?? role.Master);
    }

    public async Task<IReadOnlyList<Address>> ExtraAgentsAsync(Address account, CancellationToken cancellationToken)
    {
        var agents = await info.ExtraAgentsAsync(account, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        return [.. agents.Where(a => a.ValidUntil is null || a.ValidUntil > now).Select(a => a.Address)];
    }

    public async Task<DoctorAccountState> AccountStateAsync(Address account, Coin coin, CancellationToken cancellationToken)
    {
        var sent = time.GetUtcNow().ToUnixTimeMilliseconds();
        var state = await info.ClearinghouseStateAsync(account, cancellationToken).ConfigureAwait(false);
        var received = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (state.TimeMs > 0)
        {
            // The venue stamps the state with its own clock; compare with the middle of our round trip.
            _skewMs = state.TimeMs - ((sent + received) / 2);
        }

        return new DoctorAccountState(state.MarginSummary.AccountValue, state.Withdrawable, state.PositionOf(coin)?.Leverage.Value);
    }

    public async Task<DoctorMarket?> MarketAsync(Coin coin, CancellationToken cancellationToken)
    {
        _meta ??= await info.MetaAsync(cancellationToken).ConfigureAwait(false);
        _mids ??= await info.AllMidsAsync(cancellationToken).ConfigureAwait(false);
        if (_meta.FindInstrument(coin) is not { } spec || _meta.Universe[spec.AssetId.Value].IsDelisted)
        {
            return null;
        }

        return new DoctorMarket(spec, _mids.Mids.TryGetValue(coin.Name, out var mid) ? mid : null);
    }

    public async Task<(long Used, long Cap)> RequestBudgetAsync(Address account, CancellationToken cancellationToken)
    {
        var limit = await info.UserRateLimitAsync(account, cancellationToken).ConfigureAwait(false);
        return (limit.NRequestsUsed, limit.NRequestsCap + limit.NRequestsSurplus);
    }

    public Task<long?> ClockSkewMsAsync(CancellationToken cancellationToken) => Task.FromResult(_skewMs);
}
