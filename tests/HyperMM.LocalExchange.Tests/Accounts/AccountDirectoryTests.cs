using HyperMM.Core.Primitives;
using HyperMM.LocalExchange.Accounts;

namespace HyperMM.LocalExchange.Tests.Accounts;

public sealed class AccountDirectoryTests
{
    private static readonly Address Master = Address.Parse("0x14791697260e4c9a71f18484c9f997b308e59325");
    private static readonly Address Agent = Address.Parse("0xcd49bbac6e85fdeb167eb7ca41a945d2b8758f6f");
    private static readonly Address Agent2 = Address.Parse("0xe5ca49fb3bd9a581f0d1ef9cb5d7177da08bf901");

    [Fact]
    public void ResolveTradingAccount_AgentTradesForItsMaster_UnknownIsNull()
    {
        var d = new AccountDirectory();
        d.AddMaster(Master);
        Assert.Null(d.ResolveTradingAccount(Agent, 0));
        Assert.Null(d.Approve(Master, Agent, "mm", null));
        Assert.Equal(Master, d.ResolveTradingAccount(Agent, 0));
        Assert.Equal(Master, d.ResolveTradingAccount(Master, 0));
        Assert.Equal(AccountRole.Agent, d.RoleOf(Agent, out var m));
        Assert.Equal(Master, m);
        Assert.Equal(AccountRole.Missing, d.RoleOf(Agent2, out _));
    }

    [Fact]
    public void Approve_SameName_ReplacesTheOldAgent()
    {
        var d = new AccountDirectory();
        d.AddMaster(Master);
        Assert.Null(d.Approve(Master, Agent, "mm", null));
        Assert.Null(d.Approve(Master, Agent2, "mm", null));
        Assert.Null(d.ResolveTradingAccount(Agent, 0));
        Assert.Equal(Master, d.ResolveTradingAccount(Agent2, 0));
        Assert.Single(d.NamedAgentsOf(Master));
    }

    [Fact]
    public void Approve_UnfundedMaster_MustDeposit()
    {
        var d = new AccountDirectory();
        Assert.Equal($"Must deposit before performing actions. User: {Master.Hex}", d.Approve(Master, Agent, "", null));
    }

    [Fact]
    public void ResolveTradingAccount_ExpiredAgent_IsUnknown()
    {
        var d = new AccountDirectory();
        d.AddMaster(Master);
        Assert.Null(d.Approve(Master, Agent, "mm", 1_000));
        Assert.Equal(Master, d.ResolveTradingAccount(Agent, 999));
        Assert.Null(d.ResolveTradingAccount(Agent, 1_000));
    }

    [Fact]
    public void ParseAgentName_ValidUntilSuffix()
    {
        Assert.Equal(("bot", (long?)1_700_000_000_000), LocalVenue.ParseAgentName("bot valid_until 1700000000000"));
        Assert.Equal(("bot", (long?)null), LocalVenue.ParseAgentName("bot"));
    }
}
