using HyperMM.Cli.Doctor;
using HyperMM.Core.Primitives;
using HyperMM.TestSupport;

namespace HyperMM.Cli.Tests.Doctor;

public class DoctorRulesTests
{
    private static readonly Address Master = Address.Parse("0x1111111111111111111111111111111111111111");
    private static readonly Address Other = Address.Parse("0x2222222222222222222222222222222222222222");
    private static readonly Address Agent = Address.Parse("0x3333333333333333333333333333333333333333");

    private static DoctorFacts Healthy() => new()
    {
        KeyVariable = "HYPERMM_ETH_KEY",
        KeyVariableSet = true,
        Signer = Agent,
        ConfiguredAccount = Master,
        SignerRole = new AccountRole("agent", Master),
        AccountValueUsd = 1_000m,
        WithdrawableUsd = 900m,
        CoinListed = true,
        Instrument = TestStrategies.EthSpec,
        Mid = 4_000m,
        RequestsUsed = 100,
        RequestsCap = 10_000,
        ClockSkewMs = 15,
    };

    private static DoctorFinding Find(IReadOnlyList<DoctorFinding> findings, string check) => Assert.Single(findings, f => f.Check == check);

    [Fact]
    public void Evaluate_HealthyAgentSetup_AllOk()
    {
        var findings = DoctorRules.Evaluate(TestStrategies.Eth, Healthy());
        Assert.All(findings, f => Assert.Equal(DoctorStatus.Ok, f.Status));
        Assert.Contains(findings, f => f.Check == "account" && f.Detail.Contains("approved API wallet of " + Master, StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_UnsetVariable_FailsWithExportHintAndStops()
    {
        var findings = DoctorRules.Evaluate(TestStrategies.Eth, new DoctorFacts { KeyVariable = "HYPERMM_ETH_KEY", KeyVariableSet = false });
        var key = Assert.Single(findings);
        Assert.Equal(DoctorStatus.Fail, key.Status);
        Assert.Contains("HYPERMM_ETH_KEY is not set", key.Detail, StringComparison.Ordinal);
        Assert.StartsWith("export HYPERMM_ETH_KEY=", key.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_KeyOfAnotherAccount_FailsNamingBothAccounts()
    {
        var facts = Healthy() with { SignerRole = new AccountRole("agent", Other) };
        var account = Find(DoctorRules.Evaluate(TestStrategies.Eth, facts), "account");
        Assert.Equal(DoctorStatus.Fail, account.Status);
        Assert.Contains("belongs to another account", account.Detail, StringComparison.Ordinal);
        Assert.Contains(Other.ToString(), account.Detail, StringComparison.Ordinal);
        Assert.Contains(Master.ToString(), account.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_UnapprovedAgent_FailsWithTheVenueErrorItWouldCause()
    {
        var facts = Healthy() with { SignerRole = AccountRole.Missing, AccountAgents = [] };
        var account = Find(DoctorRules.Evaluate(TestStrategies.Eth, facts), "account");
        Assert.Equal(DoctorStatus.Fail, account.Status);
        Assert.Contains($"User or API Wallet {Agent} does not exist.", account.Detail, StringComparison.Ordinal);
        Assert.Contains("approve", account.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NamedAgentListedByAccount_Ok()
    {
        var facts = Healthy() with { SignerRole = AccountRole.Missing, AccountAgents = [Agent] };
        Assert.Equal(DoctorStatus.Ok, Find(DoctorRules.Evaluate(TestStrategies.Eth, facts), "account").Status);
    }

    [Fact]
    public void Evaluate_ApiWalletConfiguredWithoutAccount_TellsWhichAccountToConfigure()
    {
        var facts = Healthy() with { ConfiguredAccount = null };
        var account = Find(DoctorRules.Evaluate(TestStrategies.Eth, facts), "account");
        Assert.Equal(DoctorStatus.Fail, account.Status);
        Assert.Contains(Master.ToString(), account.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SizeBelowMinimum_FailsWithTheSmallestValidSize()
    {
        // ETH base size 0.01 at a mid of 900 is $9.00 < $10. Smallest valid size: 10 / 900 = 0.01111.. rounded up to
        // 4 decimals = 0.0112.
        var facts = Healthy() with { Mid = 900m };
        var size = Find(DoctorRules.Evaluate(TestStrategies.Eth, facts), "size");
        Assert.Equal(DoctorStatus.Fail, size.Status);
        Assert.Contains("$9.00", size.Detail, StringComparison.Ordinal);
        Assert.Contains("0.0112", size.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SkewedSizeBelowMinimum_Warns()
    {
        // ETH base 0.01 at 2000 = $20 passes; at full inventory the skew multiplies by exp(-1) = 0.3679 → 0.003679,
        // rounded down to 0.0036 = $7.20 < $10: warning, not failure.
        var facts = Healthy() with { Mid = 2_000m };
        var size = Find(DoctorRules.Evaluate(TestStrategies.Eth, facts), "size");
        Assert.Equal(DoctorStatus.Warn, size.Status);
        Assert.Contains("$7.20", size.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_EmptyAccount_FailsOnMargin()
    {
        var facts = Healthy() with { AccountValueUsd = 0m, WithdrawableUsd = 0m };
        Assert.Equal(DoctorStatus.Fail, Find(DoctorRules.Evaluate(TestStrategies.Eth, facts), "margin").Status);
    }

    [Fact]
    public void Evaluate_ExhaustedBudget_Fails()
    {
        var facts = Healthy() with { RequestsUsed = 10_000, RequestsCap = 10_000 };
        Assert.Equal(DoctorStatus.Fail, Find(DoctorRules.Evaluate(TestStrategies.Eth, facts), "budget").Status);
    }

    [Fact]
    public void Evaluate_VenueUnreachable_FailsOnceAfterTheKeyCheck()
    {
        var facts = new DoctorFacts { KeyVariable = "K", KeyVariableSet = true, Signer = Agent, VenueError = "connection refused" };
        var findings = DoctorRules.Evaluate(TestStrategies.Eth, facts);
        Assert.Equal(["key", "venue"], findings.Select(f => f.Check));
        Assert.Equal(DoctorStatus.Fail, findings[1].Status);
    }
}
