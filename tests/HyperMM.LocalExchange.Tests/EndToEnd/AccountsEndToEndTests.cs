using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.Hyperliquid;
using HyperMM.Hyperliquid.Accounts;
using HyperMM.Hyperliquid.Signing;
using HyperMM.LocalExchange.Accounts;
using HyperMM.LocalExchange.Tests.Support;

namespace HyperMM.LocalExchange.Tests.EndToEnd;

/// <summary>Authentication through the project's client: approveAgent, an unapproved key, the wrong network.</summary>
public sealed class AccountsEndToEndTests : IAsyncLifetime
{
    private static readonly Coin Eth = new("ETH");
    private TestVenue _v = null!;

    public async Task InitializeAsync() => _v = await TestVenue.StartAsync();

    public async Task DisposeAsync() => await _v.DisposeAsync();

    private HyperliquidExchange Client(PrivateKey signer, Address master, bool? isMainnet = null) =>
        new(new HyperliquidExchangeOptions(HyperliquidEndpoint.Custom(_v.Handle.BaseUrl, isMainnet ?? _v.Handle.IsMainnet), new TradingAccount(signer, master)), _v.Http, TimeProvider.System);

    private static OrderRequest Bid => new(Eth, Side.Buy, 2999.5m, 0.01m, TimeInForce.Alo, false, null);

    [Fact]
    public async Task ApproveAgent_SignedByMaster_NewAgentTradesForTheMaster()
    {
        var fresh = RehearsalAccount.Create("spare", 0m); // only its agent key is used, as a brand-new API wallet
        await using (var unapproved = Client(fresh.AgentKey, _v.Account.Master))
        {
            var refused = await unapproved.PlaceOrdersAsync([Bid], default);
            Assert.Equal(RejectReason.UnknownAccount, refused[0].Reason);
            Assert.Contains(fresh.Agent.Hex, refused[0].Message, StringComparison.Ordinal);
        }

        await using (var master = Client(_v.Account.MasterKey, _v.Account.Master))
        {
            var approved = await master.Actions.ApproveAgentAsync(fresh.Agent, "second", default);
            Assert.True(approved.Success, approved.Message);
            var role = await master.Info.UserRoleAsync(fresh.Agent, default);
            Assert.Equal("agent", role.Role);
            Assert.Equal(_v.Account.Master, role.User);
        }

        await using var agent = Client(fresh.AgentKey, _v.Account.Master);
        var placed = await agent.PlaceOrdersAsync([Bid], default);
        Assert.Equal(OrderResultKind.Resting, placed[0].Kind);
        Assert.Single((await agent.GetAccountAsync(Eth, default)).OpenOrders);
    }

    [Fact]
    public async Task ApproveAgent_SignedByAnAgent_Refused()
    {
        // the client refuses to do this; sign the user action by hand with the agent key
        var fresh = RehearsalAccount.Create("spare", 0m);
        var nonce = _v.NextNonce();
        var answer = await _v.SendAsync(new Hyperliquid.Actions.ApproveAgentAction(false, fresh.Agent, "x", nonce), _v.Account.AgentKey, nonce, false);
        Assert.Equal("err", answer.GetProperty("status").GetString());
        Assert.Equal(AccountRole.Missing, _v.Handle.Venue.Directory.RoleOf(fresh.Agent, out _));
    }

    [Fact]
    public async Task ApproveAgent_SignedForMainnet_OnTestnetVenue_NetworkError()
    {
        var fresh = RehearsalAccount.Create("spare", 0m);
        var nonce = _v.NextNonce();
        var answer = await _v.SendAsync(new Hyperliquid.Actions.ApproveAgentAction(true, fresh.Agent, "x", nonce), _v.Account.MasterKey, nonce, true);
        Assert.Equal("Mainnet and testnet require different signature.", answer.GetProperty("response").GetString());
        Assert.Equal(AccountRole.Missing, _v.Handle.Venue.Directory.RoleOf(fresh.Agent, out _));
    }

    [Fact]
    public async Task WrongNetwork_ClientSignsMainnet_UnknownAccount_StateUnchanged()
    {
        await using var mainnetClient = Client(_v.Account.AgentKey, _v.Account.Master, isMainnet: true);
        var refused = await mainnetClient.PlaceOrdersAsync([Bid], default);
        Assert.Equal(RejectReason.UnknownAccount, refused[0].Reason);
        Assert.DoesNotContain(_v.Account.Agent.Hex, refused[0].Message, StringComparison.Ordinal);
        await using var right = Client(_v.Account.AgentKey, _v.Account.Master);
        Assert.Empty((await right.GetAccountAsync(Eth, default)).OpenOrders);
    }

    [Fact]
    public async Task MainnetVenue_AcceptsMainnetSignatures()
    {
        var market = new ScriptedMarket();
        market.Book("ETH", 2999.9m, 3000.1m, 0.1m);
        await using var venue = await LocalExchangeServer.StartAsync(new LocalExchangeOptions { IsMainnet = true, MarketSource = market, MarketStep = TimeSpan.FromHours(1) });
        Assert.True(venue.IsMainnet);
        var account = venue.CreateRehearsalAccount("mm", 10_000m);
        using var http = new HttpClient();
        await using var client = new HyperliquidExchange(new HyperliquidExchangeOptions(HyperliquidEndpoint.Custom(venue.BaseUrl, true), new TradingAccount(account.AgentKey, account.Master)), http, TimeProvider.System);
        var placed = await client.PlaceOrdersAsync([Bid], default);
        Assert.Equal(OrderResultKind.Resting, placed[0].Kind);
    }
}
