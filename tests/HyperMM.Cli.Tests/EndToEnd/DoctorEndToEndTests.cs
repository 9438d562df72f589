using HyperMM.Cli.Doctor;
using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Signing;
using HyperMM.LocalExchange.Accounts;

namespace HyperMM.Cli.Tests.EndToEnd;

/// <summary>The doctor against a local exchange over real HTTP: each classic set-up mistake gets its own message.</summary>
public sealed class DoctorEndToEndTests
{
    private static async Task<IReadOnlyList<DoctorFinding>> Diagnose(LocalRehearsal venue, Core.Model.StrategyParameters strategy, string? keyText)
    {
        var doctorVenue = new InfoDoctorVenue(venue.Info, TimeProvider.System);
        var facts = await DoctorProbe.GatherAsync(strategy, name => name == strategy.KeyEnvironmentVariable ? keyText : null,
            text => PrivateKey.TryParse(text, out var k) ? k.Address : throw new FormatException("not a key"), doctorVenue, default);
        return DoctorRules.Evaluate(strategy, facts);
    }

    [Fact]
    public async Task Doctor_FindsEachClassicMistake()
    {
        await using var venue = await LocalRehearsal.StartAsync();
        var eth = venue.Strategies.Single(s => s.Name == "mm_eth_perp");
        var ethAccount = venue.Accounts[venue.Strategies.ToList().IndexOf(eth)];
        var btcAccount = venue.Accounts[venue.Strategies.ToList().FindIndex(s => s.Name == "mm_btc_perp")];
        var configured = eth with { Account = ethAccount.Master };

        // Healthy: the ETH API wallet for the ETH account.
        var healthy = await Diagnose(venue, configured, ethAccount.RevealAgentPrivateKeyHex());
        Assert.All(healthy, f => Assert.NotEqual(DoctorStatus.Fail, f.Status));

        // Unset variable.
        var unset = await Diagnose(venue, configured, null);
        Assert.Contains(unset, f => f.Check == "key" && f.Status == DoctorStatus.Fail && f.Detail.Contains("is not set", StringComparison.Ordinal));

        // A key that belongs to another account: the BTC account's API wallet configured for the ETH account.
        var other = await Diagnose(venue, configured, btcAccount.RevealAgentPrivateKeyHex());
        Assert.Contains(other, f => f.Check == "account" && f.Status == DoctorStatus.Fail
            && f.Detail.Contains("belongs to another account", StringComparison.Ordinal) && f.Detail.Contains(btcAccount.Master.Hex, StringComparison.Ordinal));

        // An API wallet nobody approved.
        var stranger = RehearsalAccount.Create("stranger", 0m);
        var unapproved = await Diagnose(venue, configured, stranger.RevealAgentPrivateKeyHex());
        Assert.Contains(unapproved, f => f.Check == "account" && f.Status == DoctorStatus.Fail
            && f.Detail.Contains($"User or API Wallet {stranger.Agent.Hex} does not exist.", StringComparison.Ordinal));

        // A base size below $10: 0.001 ETH at ~4,300 is ~$4.3.
        var tiny = await Diagnose(venue, configured with { OrderSize = 0.001m }, ethAccount.RevealAgentPrivateKeyHex());
        Assert.Contains(tiny, f => f.Check == "size" && f.Status == DoctorStatus.Fail && f.Detail.Contains("under the venue's $10 minimum", StringComparison.Ordinal));
    }
}
