using System.Text.Json;
using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Actions;
using HyperMM.Hyperliquid.Json;
using HyperMM.Hyperliquid.Signing;
using HyperMM.LocalExchange.Tests.Support;

namespace HyperMM.LocalExchange.Tests.Server;

/// <summary>
/// Signed actions over real HTTP against the local exchange: each venue rule answers with the venue's text and
/// leaves the account as it was. ETH is asset 1 (szDecimals 4); the scripted book is 2999.9 / 3000.1.
/// </summary>
public sealed class ExchangeRulesTests : IAsyncLifetime
{
    private static readonly AssetId Eth = new(1);
    private TestVenue _v = null!;

    public async Task InitializeAsync() => _v = await TestVenue.StartAsync();

    public async Task DisposeAsync() => await _v.DisposeAsync();

    private static OrderAction Order(decimal price, decimal size, bool buy = true, TimeInForce tif = TimeInForce.Alo, bool reduceOnly = false) =>
        new([new OrderWire(Eth, buy, price, size, reduceOnly, new LimitOrderKind(tif))]);

    private static string FirstStatusError(JsonElement answer) =>
        answer.GetProperty("response").GetProperty("data").GetProperty("statuses")[0].GetProperty("error").GetString()!;

    private async Task AssertNoOpenOrdersAndNoFillsAsync()
    {
        Assert.Equal(0, (await _v.InfoAsync("openOrders", _v.Account.Master.Hex)).GetArrayLength());
        Assert.Equal(0, (await _v.InfoAsync("userFills", _v.Account.Master.Hex)).GetArrayLength());
        var state = await _v.InfoAsync("clearinghouseState", _v.Account.Master.Hex);
        Assert.Equal(0, state.GetProperty("assetPositions").GetArrayLength());
        Assert.Equal("100000.0", state.GetProperty("marginSummary").GetProperty("accountValue").GetString());
    }

    [Fact]
    public async Task Order_AloBelowTheAsk_RestsAndIsListed()
    {
        var answer = await _v.SendAsync(Order(2999.5m, 0.01m));
        Assert.Equal("ok", answer.GetProperty("status").GetString());
        var oid = answer.GetProperty("response").GetProperty("data").GetProperty("statuses")[0].GetProperty("resting").GetProperty("oid").GetInt64();
        var open = await _v.InfoAsync("openOrders", _v.Account.Master.Hex);
        Assert.Equal(1, open.GetArrayLength());
        Assert.Equal(oid, open[0].GetProperty("oid").GetInt64());
        Assert.Equal("B", open[0].GetProperty("side").GetString());
        Assert.Equal("2999.5", open[0].GetProperty("limitPx").GetString());
        Assert.Equal("0.01", open[0].GetProperty("sz").GetString());
        // the agent's own address has no orders: queries use the master
        Assert.Equal(0, (await _v.InfoAsync("openOrders", _v.Account.Agent.Hex)).GetArrayLength());
    }

    [Fact]
    public async Task Order_TamperedAfterSigning_RecoversAnotherAddress_StateUnchanged()
    {
        var signed = HyperliquidSigning.Sign(_v.Account.AgentKey, Order(2999.5m, 0.01m), _v.NextNonce(), _v.Handle.IsMainnet);
        var json = ExchangeRequestJson.Write(signed).Replace("\"2999.5\"", "\"2999.4\"", StringComparison.Ordinal);
        var answer = await _v.PostRawAsync("/exchange", json);
        Assert.Equal("err", answer.GetProperty("status").GetString());
        var text = answer.GetProperty("response").GetString()!;
        Assert.Matches("^User or API Wallet 0x[0-9a-f]{40} does not exist\\.$", text);
        Assert.DoesNotContain(_v.Account.Agent.Hex, text, StringComparison.Ordinal);
        await AssertNoOpenOrdersAndNoFillsAsync();
    }

    [Fact]
    public async Task Order_SignedForMainnet_OnTestnetVenue_RecoversAnotherAddress()
    {
        Assert.False(_v.Handle.IsMainnet);
        var answer = await _v.SendAsync(Order(2999.5m, 0.01m), _v.Account.AgentKey, _v.NextNonce(), isMainnet: true);
        var text = answer.GetProperty("response").GetString()!;
        Assert.StartsWith("User or API Wallet 0x", text, StringComparison.Ordinal);
        Assert.DoesNotContain(_v.Account.Agent.Hex, text, StringComparison.Ordinal);
        await AssertNoOpenOrdersAndNoFillsAsync();
    }

    [Fact]
    public async Task Order_UnapprovedKey_NamesThatSigner()
    {
        var stranger = PrivateKey.Parse("0x0123456789012345678901234567890123456789012345678901234567890123");
        var answer = await _v.SendAsync(Order(2999.5m, 0.01m), stranger, _v.NextNonce(), _v.Handle.IsMainnet);
        // PROTOCOL §4 table: this public test key is address 0x14791697260E4c9A71f18484C9f997B308e59325
        Assert.Equal("User or API Wallet 0x14791697260e4c9a71f18484c9f997b308e59325 does not exist.", answer.GetProperty("response").GetString());
        await AssertNoOpenOrdersAndNoFillsAsync();
    }

    [Fact]
    public async Task Order_ReusedNonce_Duplicate_SecondOrderNotPlaced()
    {
        var nonce = _v.NextNonce();
        var first = await _v.SendAsync(Order(2999.5m, 0.01m), _v.Account.AgentKey, nonce, _v.Handle.IsMainnet);
        Assert.Equal("ok", first.GetProperty("status").GetString());
        var second = await _v.SendAsync(Order(2999.4m, 0.01m), _v.Account.AgentKey, nonce, _v.Handle.IsMainnet);
        Assert.Equal($"Invalid nonce: duplicate nonce {nonce}", second.GetProperty("response").GetString());
        Assert.Equal(1, (await _v.InfoAsync("openOrders", _v.Account.Master.Hex)).GetArrayLength());
    }

    [Fact]
    public async Task Order_OffTick_TickError()
    {
        // ETH (szDecimals 4): at most 6 - 4 = 2 decimals and 5 significant figures -> at 2999.x one decimal; 2999.55 is off tick
        var answer = await _v.SendAsync(Order(2999.55m, 0.01m));
        Assert.Equal("Price must be divisible by tick size. asset=1", FirstStatusError(answer));
        await AssertNoOpenOrdersAndNoFillsAsync();
    }

    [Fact]
    public async Task Order_FiveDollars_MinimumValueError()
    {
        // 2500 x 0.002 = $5 < $10
        var answer = await _v.SendAsync(Order(2500m, 0.002m));
        Assert.Equal("Order must have minimum value of $10. asset=1", FirstStatusError(answer));
        await AssertNoOpenOrdersAndNoFillsAsync();
    }

    [Fact]
    public async Task Order_AloCrossingTheAsk_PostOnlyError()
    {
        var answer = await _v.SendAsync(Order(3000.1m, 0.01m));
        Assert.Equal("Post only order would have immediately matched, bbo was 2999.9@3000.1. asset=1", FirstStatusError(answer));
        await AssertNoOpenOrdersAndNoFillsAsync();
    }

    [Fact]
    public async Task Order_ReduceOnlyWithNoPosition_Refused()
    {
        var answer = await _v.SendAsync(Order(2999.5m, 0.01m, reduceOnly: true));
        Assert.Equal("Reduce only order would increase position. asset=1", FirstStatusError(answer));
        await AssertNoOpenOrdersAndNoFillsAsync();
    }

    [Fact]
    public async Task Order_BeyondMarginAtLeverage_InsufficientMargin()
    {
        // 100,000 USDC at the default leverage (20x, capped by ETH's 25): 700 ETH x 2999 = $2.1M needs $105k margin
        var answer = await _v.SendAsync(Order(2999m, 700m));
        Assert.Equal("Insufficient margin to place order. asset=1", FirstStatusError(answer));
        var lev = await _v.SendAsync(new UpdateLeverageAction(Eth, true, 25));
        Assert.Equal("default", lev.GetProperty("response").GetProperty("type").GetString());
        // at 25x the same order needs 2,099,300 / 25 = $83,972 <= $100,000
        var again = await _v.SendAsync(Order(2999m, 700m));
        Assert.True(again.GetProperty("response").GetProperty("data").GetProperty("statuses")[0].TryGetProperty("resting", out _));
    }

    [Fact]
    public async Task Order_GtcCrossing_FillsAgainstOutsideAsk_PositionAndFill()
    {
        var answer = await _v.SendAsync(Order(3000.1m, 0.01m, tif: TimeInForce.Gtc));
        var filled = answer.GetProperty("response").GetProperty("data").GetProperty("statuses")[0].GetProperty("filled");
        Assert.Equal("0.01", filled.GetProperty("totalSz").GetString());
        Assert.Equal("3000.1", filled.GetProperty("avgPx").GetString());
        var fills = await _v.InfoAsync("userFills", _v.Account.Master.Hex);
        Assert.Equal(1, fills.GetArrayLength());
        Assert.True(fills[0].GetProperty("crossed").GetBoolean());
        Assert.Equal("Open Long", fills[0].GetProperty("dir").GetString());
        // taker fee 0.045 %: 3000.1 x 0.01 x 0.00045 = 0.013500450, in USDC's 6 decimals 0.013500
        Assert.Equal("0.0135", fills[0].GetProperty("fee").GetString());
        var state = await _v.InfoAsync("clearinghouseState", _v.Account.Master.Hex);
        Assert.Equal("0.01", state.GetProperty("assetPositions")[0].GetProperty("position").GetProperty("szi").GetString());
    }

    [Fact]
    public async Task Cancel_Resting_ThenAgain_NeverPlacedText()
    {
        var placed = await _v.SendAsync(Order(2999.5m, 0.01m));
        var oid = placed.GetProperty("response").GetProperty("data").GetProperty("statuses")[0].GetProperty("resting").GetProperty("oid").GetInt64();
        var cancel = await _v.SendAsync(new CancelAction([new CancelWire(Eth, new OrderId(oid))]));
        Assert.Equal("success", cancel.GetProperty("response").GetProperty("data").GetProperty("statuses")[0].GetString());
        var again = await _v.SendAsync(new CancelAction([new CancelWire(Eth, new OrderId(oid))]));
        Assert.Equal("Order was never placed, already canceled, or filled. asset=1", FirstStatusError(again));
        var status = await _v.InfoAsync($"{{\"type\":\"orderStatus\",\"user\":\"{_v.Account.Master.Hex}\",\"oid\":{oid}}}");
        Assert.Equal("canceled", status.GetProperty("order").GetProperty("status").GetString());
    }

    [Fact]
    public async Task CancelByCloid_And_OrderStatusByCloid()
    {
        var cloid = Cloid.Parse("0x0000000000000000000000000000002a");
        var wire = new OrderWire(Eth, true, 2999.5m, 0.01m, false, new LimitOrderKind(TimeInForce.Alo), cloid);
        await _v.SendAsync(new OrderAction([wire]));
        var status = await _v.InfoAsync($"{{\"type\":\"orderStatus\",\"user\":\"{_v.Account.Master.Hex}\",\"oid\":\"{cloid}\"}}");
        Assert.Equal("open", status.GetProperty("order").GetProperty("status").GetString());
        Assert.Equal(cloid.ToString(), status.GetProperty("order").GetProperty("order").GetProperty("cloid").GetString());
        var cancel = await _v.SendAsync(new CancelByCloidAction([new CancelByCloidWire(Eth, cloid)]));
        Assert.Equal("success", cancel.GetProperty("response").GetProperty("data").GetProperty("statuses")[0].GetString());
        var unknown = await _v.InfoAsync($"{{\"type\":\"orderStatus\",\"user\":\"{_v.Account.Master.Hex}\",\"oid\":12345}}");
        Assert.Equal("unknownOid", unknown.GetProperty("status").GetString());
    }

    [Fact]
    public async Task BatchModify_MovesTheOrder()
    {
        var placed = await _v.SendAsync(Order(2999.5m, 0.01m));
        var oid = placed.GetProperty("response").GetProperty("data").GetProperty("statuses")[0].GetProperty("resting").GetProperty("oid").GetInt64();
        var modify = new BatchModifyAction([new ModifyWire(OrderRef.ById(new OrderId(oid)), new OrderWire(Eth, true, 2999.0m, 0.02m, false, new LimitOrderKind(TimeInForce.Alo)))]);
        var answer = await _v.SendAsync(modify);
        Assert.True(answer.GetProperty("response").GetProperty("data").GetProperty("statuses")[0].TryGetProperty("resting", out _));
        var open = await _v.InfoAsync("openOrders", _v.Account.Master.Hex);
        Assert.Equal(1, open.GetArrayLength());
        Assert.Equal("2999.0", open[0].GetProperty("limitPx").GetString());
        Assert.Equal("0.02", open[0].GetProperty("sz").GetString());
    }

    [Fact]
    public async Task ScheduleCancel_NewAccount_VolumeGate()
    {
        var answer = await _v.SendAsync(new ScheduleCancelAction(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 60_000));
        Assert.Equal("Cannot set scheduled cancel time until enough volume traded. Required: $1000000. Traded: $0.", answer.GetProperty("response").GetString());
    }

    [Fact]
    public async Task Noop_ConsumesTheNonce()
    {
        var nonce = _v.NextNonce();
        var noop = await _v.SendAsync(new NoopAction(), _v.Account.AgentKey, nonce, _v.Handle.IsMainnet);
        Assert.Equal("default", noop.GetProperty("response").GetProperty("type").GetString());
        var order = await _v.SendAsync(Order(2999.5m, 0.01m), _v.Account.AgentKey, nonce, _v.Handle.IsMainnet);
        Assert.Equal($"Invalid nonce: duplicate nonce {nonce}", order.GetProperty("response").GetString());
    }
}
