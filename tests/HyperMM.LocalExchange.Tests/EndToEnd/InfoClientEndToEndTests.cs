using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.LocalExchange.Tests.Support;

namespace HyperMM.LocalExchange.Tests.EndToEnd;

/// <summary>
/// Every typed /info call of the project's InfoClient (issue 3's list) against the local exchange: each answer
/// parses into the client's models, with the values the venue state implies.
/// </summary>
public sealed class InfoClientEndToEndTests : IAsyncLifetime
{
    private static readonly Coin Eth = new("ETH");
    private TestVenue _v = null!;
    private Hyperliquid.HyperliquidExchange _client = null!;

    public async Task InitializeAsync()
    {
        _v = await TestVenue.StartAsync();
        _client = ClientFactory.Create(_v.Handle, _v.Account, _v.Http);
        // one fill (taker buy 0.02 at the 3000.1 ask), one resting ask with a cloid
        await _client.PlaceOrdersAsync([new OrderRequest(Eth, Side.Buy, 3000.1m, 0.02m, TimeInForce.Gtc, false, null)], default);
        await _client.PlaceOrdersAsync([new OrderRequest(Eth, Side.Sell, 3001.0m, 0.01m, TimeInForce.Alo, false, new Cloid(9))], default);
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _v.DisposeAsync();
    }

    [Fact]
    public async Task EveryInfoCall_ParsesIntoTheClientModels()
    {
        var info = _client.Info;
        var user = _v.Account.Master;
        var meta = await info.MetaAsync(default);
        // mainnet's asset ids: BTC 0, ETH 1, HYPE 159; the 157 indices between are delisted placeholders
        Assert.Equal(160, meta.Universe.Count);
        Assert.Equal(["BTC", "ETH", "HYPE"], meta.Universe.Where(u => !u.IsDelisted).Select(u => u.Name));
        Assert.Equal(new AssetId(159), meta.FindAsset(new Coin("HYPE")));
        var ctx = await info.MetaAndAssetContextsAsync(default);
        Assert.Equal(160, ctx.Contexts.Count); // aligned with the universe
        Assert.Null(ctx.Contexts[2].MidPx);   // a placeholder has no market
        Assert.Equal(3000.0m, ctx.Contexts[1].MidPx); // (2999.9 + 3000.1) / 2
        var book = await info.L2BookAsync(Eth, default);
        Assert.Equal(2999.9m, book.Top.BidPrice);
        var mids = await info.AllMidsAsync(default);
        Assert.Equal(3000.0m, mids.Mids["ETH"]);

        var state = await info.ClearinghouseStateAsync(user, default);
        Assert.Equal(0.02m, Assert.Single(state.AssetPositions).Szi);
        var open = await info.OpenOrdersAsync(user, default);
        Assert.Equal(new Cloid(9), Assert.Single(open).Cloid);
        var frontend = await info.FrontendOpenOrdersAsync(user, default);
        Assert.Equal("Alo", Assert.Single(frontend).Tif);
        var fills = await info.UserFillsAsync(user, default);
        Assert.Equal("Open Long", Assert.Single(fills).Dir);
        var byTime = await info.UserFillsByTimeAsync(user, 0, null, default);
        Assert.Equal(fills[0].Tid, Assert.Single(byTime).Tid);
        var byCloid = await info.OrderStatusAsync(user, new Cloid(9), default);
        Assert.Equal("open", byCloid.Status);
        var byOid = await info.OrderStatusAsync(user, fills[0].Oid, default);
        Assert.Equal("filled", byOid.Status);
        var limit = await info.UserRateLimitAsync(user, default);
        Assert.Equal(2, limit.NRequestsUsed);
        // cap = 10,000 + floor(volume): 0.02 x 3000.1 = 60.002 -> 10,060
        Assert.Equal(10_060, limit.NRequestsCap);
        Assert.Equal("user", (await info.UserRoleAsync(user, default)).Role);
        var agentRole = await info.UserRoleAsync(_v.Account.Agent, default);
        Assert.Equal(user, agentRole.User);
        var agents = await info.ExtraAgentsAsync(user, default);
        Assert.Equal(_v.Account.Agent, Assert.Single(agents).Address);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var candles = await info.CandleSnapshotAsync(Eth, "1m", now - 3_600_000, now + 60_000, default);
        var candle = Assert.Single(candles);
        Assert.Equal(3000.1m, candle.Close);
        Assert.Equal(0.02m, candle.Volume);
    }
}
