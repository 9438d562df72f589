using HyperMM.Cli.Doctor;
using HyperMM.Core.Primitives;
using HyperMM.TestSupport;

namespace HyperMM.Cli.Tests.Doctor;

public class DoctorProbeTests
{
    private static readonly Address Master = Address.Parse("0x1111111111111111111111111111111111111111");
    private static readonly Address Agent = Address.Parse("0x3333333333333333333333333333333333333333");
    private const string SecretText = "0xabababababababababababababababababababababababababababababababab";

    private sealed class FakeVenue : IDoctorVenue
    {
        public AccountRole Role { get; init; } = new("agent", Master);

        public Exception? Throw { get; init; }

        public List<Address> AgentQueries { get; } = [];

        public Task<AccountRole> UserRoleAsync(Address address, CancellationToken cancellationToken) =>
            Throw is null ? Task.FromResult(Role) : Task.FromException<AccountRole>(Throw);

        public Task<IReadOnlyList<Address>> ExtraAgentsAsync(Address account, CancellationToken cancellationToken)
        {
            AgentQueries.Add(account);
            return Task.FromResult<IReadOnlyList<Address>>([]);
        }

        public Task<DoctorAccountState> AccountStateAsync(Address account, Coin coin, CancellationToken cancellationToken) =>
            Task.FromResult(new DoctorAccountState(500m, 450m, null));

        public Task<DoctorMarket?> MarketAsync(Coin coin, CancellationToken cancellationToken) =>
            Task.FromResult<DoctorMarket?>(new DoctorMarket(TestStrategies.EthSpec, 4_000m));

        public Task<(long Used, long Cap)> RequestBudgetAsync(Address account, CancellationToken cancellationToken) => Task.FromResult((10L, 10_010L));

        public Task<long?> ClockSkewMsAsync(CancellationToken cancellationToken) => Task.FromResult<long?>(-40);
    }

    private static Address KeyToAgent(string text) => text == SecretText ? Agent : throw new FormatException("expected 64 hex digits");

    [Fact]
    public async Task GatherAsync_AgentOfConfiguredAccount_FillsEveryFact()
    {
        var strategy = TestStrategies.Eth with { KeyEnvironmentVariable = "K", Account = Master };
        var venue = new FakeVenue();
        var facts = await DoctorProbe.GatherAsync(strategy, _ => SecretText, KeyToAgent, venue, CancellationToken.None);
        Assert.Equal(Agent, facts.Signer);
        Assert.Equal(Master, facts.TradingAccount);
        Assert.Equal(4_000m, facts.Mid);
        Assert.Equal(-40, facts.ClockSkewMs);
        Assert.Empty(venue.AgentQueries); // userRole already proved the relation
        Assert.All(DoctorRules.Evaluate(strategy, facts), f => Assert.Equal(DoctorStatus.Ok, f.Status));
    }

    [Fact]
    public async Task GatherAsync_NotAKey_ReportsWithoutTheText()
    {
        var strategy = TestStrategies.Eth with { KeyEnvironmentVariable = "K" };
        var facts = await DoctorProbe.GatherAsync(strategy, _ => "0xnot-a-key", KeyToAgent, new FakeVenue(), CancellationToken.None);
        var output = DoctorFormatter.Format(DoctorRules.Evaluate(strategy, facts));
        Assert.Contains("FAIL  key", output, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-key", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GatherAsync_VenueDown_OneVenueFailure()
    {
        var strategy = TestStrategies.Eth with { KeyEnvironmentVariable = "K", Account = Master };
        var facts = await DoctorProbe.GatherAsync(strategy, _ => SecretText, KeyToAgent, new FakeVenue { Throw = new HttpRequestException("connection refused") }, CancellationToken.None);
        Assert.Equal("connection refused", facts.VenueError);
        var output = DoctorFormatter.Format(DoctorRules.Evaluate(strategy, facts));
        Assert.Contains("WILL NOT TRADE", output, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretText[2..], output, StringComparison.Ordinal);
    }
}
