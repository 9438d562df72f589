using System.Text.Json;
using HyperMM.Core.Instruments;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.Hyperliquid.Info;
using HyperMM.Hyperliquid.Json;

namespace HyperMM.Hyperliquid.Tests.Info;

/// <summary>
/// The recorded mainnet /info answers of the python SDK's cassettes parse into the typed models; expected values are
/// read off the recordings by eye. Each model is then written back and re-parsed (the local exchange's server side).
/// </summary>
public class RecordedInfoResponseTests
{
    [Fact]
    public void Meta_GivesAssetIdsByUniverseIndex()
    {
        var meta = JsonRead.Document(Cassette.Response("test_get_info", "meta"), PerpMeta.Parse);
        Assert.Equal(28, meta.Universe.Count);
        Assert.Equal(new AssetId(0), meta.FindAsset(new Coin("BTC")));
        Assert.Equal(new AssetId(1), meta.FindAsset(new Coin("ETH")));
        Assert.Null(meta.FindAsset(new Coin("NOPE")));
        var eth = meta.FindInstrument(new Coin("ETH"))!;
        Assert.Equal(new HyperliquidPerpRules(4), eth.Rules);
        Assert.Equal(50, eth.MaxLeverage);
        RoundTrip(meta, m => m.Write, PerpMeta.Parse, m => m.Universe.Count);
    }

    [Fact]
    public void L2Book_ParsesLevelsWithOrderCounts()
    {
        var book = JsonRead.Document(Cassette.Response("test_get_l2_snapshot", "l2Book"), L2Book.Parse);
        Assert.Equal(new Coin("DYDX"), book.Coin);
        Assert.Equal(new Core.Market.BookLevel(2.111m, 134.4m, 1), book.Bids[0]);
        Assert.Equal(new Core.Market.BookLevel(2.1052m, 2800.9m, 2), book.Bids[5]);
        Assert.True(book.Asks[0].Price > book.Bids[0].Price);
        var again = JsonRead.Document(JsonRead.ToUtf8(w => L2Book.Write(w, book)), L2Book.Parse);
        Assert.Equal(book.Bids, again.Bids);
        Assert.Equal(book.Asks, again.Asks);
        Assert.Equal(book.TimeMs, again.TimeMs);
    }

    [Fact]
    public void AllMids_ParsesStringNumbers()
    {
        var mids = JsonRead.Document(Cassette.Response("test_get_all_mids", "allMids"), AllMids.Parse);
        Assert.Equal(30135.0m, mids.Mids["BTC"]);
        Assert.Equal(1903.95m, mids.Mids["ETH"]);
        Assert.Equal(0.001565m, mids.Mids["kPEPE"]);
        RoundTrip(mids, m => m.Write, AllMids.Parse, m => m.Mids["ETH"]);
    }

    [Fact]
    public void ClearinghouseState_ParsesSignedPositionsAndNullLiquidation()
    {
        var state = JsonRead.Document(Cassette.Response("test_get_user_state", "clearinghouseState"), ClearinghouseState.Parse);
        Assert.Equal(12, state.AssetPositions.Count);
        var btc = state.PositionOf(new Coin("BTC"))!;
        Assert.Equal(-0.00785m, btc.Szi);
        Assert.Equal(26951.0m, btc.EntryPx);
        Assert.True(btc.Leverage.IsCross);
        Assert.Equal(20, btc.Leverage.Value);
        Assert.Null(state.PositionOf(new Coin("ETH"))!.LiquidationPx);
        Assert.Equal(1182.312496m, state.MarginSummary.AccountValue);
        Assert.Equal(1010.57173m, state.Withdrawable);
        RoundTrip(state, s => s.Write, ClearinghouseState.Parse, s => (s.AssetPositions[0].Szi, s.MarginSummary, s.Withdrawable));
    }

    [Fact]
    public void OpenOrders_ParseSideAndRemainingSize()
    {
        var orders = JsonRead.Document(Cassette.Response("test_get_open_orders", "openOrders"), e => JsonRead.List(e, VenueOpenOrder.Parse));
        Assert.Equal(196, orders.Count);
        var first = orders[0].ToOpenOrder();
        Assert.Equal(new OpenOrder(new Coin("MATIC"), new OrderId(62269971), null, Side.Buy, 1.0357m, 208.7m, 208.7m, 1679940217356, false), first);
        Assert.Equal(Side.Sell, orders[1].Side);
        var again = JsonRead.Document(JsonRead.ToUtf8(orders[0].Write), VenueOpenOrder.Parse);
        Assert.Equal(orders[0], again);
    }

    [Fact]
    public void FrontendOpenOrders_ParseTriggerDetails()
    {
        var orders = JsonRead.Document(Cassette.Response("test_get_frontend_open_orders", "frontendOpenOrders"), e => JsonRead.List(e, FrontendOpenOrder.Parse));
        var tp = orders[0];
        Assert.Equal(new OrderId(3184595907), tp.Order.Oid);
        Assert.True(tp.IsTrigger);
        Assert.True(tp.Order.ReduceOnly);
        Assert.Equal("Take Profit Market", tp.OrderType);
        Assert.Null(tp.Tif);
        Assert.Equal(10.004m, tp.TriggerPx);
        Assert.Equal("Price above 10.004", tp.TriggerCondition);
        var again = JsonRead.Document(JsonRead.ToUtf8(tp.Write), FrontendOpenOrder.Parse);
        Assert.Equal(tp.Order, again.Order);
        Assert.Equal((tp.OrderType, tp.TriggerPx, tp.TriggerCondition, tp.IsTrigger), (again.OrderType, again.TriggerPx, again.TriggerCondition, again.IsTrigger));
    }

    [Theory]
    [InlineData("test_get_user_fills", "userFills")]
    [InlineData("test_get_user_fills_by_time", "userFillsByTime")]
    public void UserFills_ParseEveryRecordedFill(string cassette, string type)
    {
        var fills = JsonRead.Document(Cassette.Response(cassette, type), e => JsonRead.List(e, UserFill.Parse));
        Assert.Equal(500, fills.Count);
        var first = fills[0];
        Assert.Equal(new Coin("SUI"), first.Coin);
        Assert.Equal(1.3189m, first.Px);
        Assert.Equal(142.7m, first.Sz);
        Assert.Equal(Side.Sell, first.Side);
        Assert.True(first.Crossed);
        Assert.Equal(-0.25686m, first.ClosedPnl);
        Assert.Equal(4623.5m, first.StartPosition);
        Assert.Equal(new OrderId(189324432), first.Oid);
        Assert.Equal(1683245884863, first.ToFill().TimeMs);
        var again = JsonRead.Document(JsonRead.ToUtf8(first.Write), UserFill.Parse);
        Assert.Equal(first with { FeeToken = "USDC" }, again);
    }

    [Fact]
    public void NautilusRecordedUserFills_Parse()
    {
        var path = TestSupport.SharedData.File("data/nautilus_trader/crates/adapters/hyperliquid/test_data/http_user_fills_dust_conversion.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var fills = JsonRead.List(doc.RootElement, UserFill.Parse);
        Assert.Equal(5, fills.Count);
        Assert.Equal(17679709382320, fills[0].Tid);
        Assert.Equal(0.07482m, fills[0].Px);
        Assert.Equal(481029459465, fills[0].Oid.Value);
        Assert.Equal(0, fills[3].Tid); // the dust-conversion record carries tid 0
    }

    [Fact]
    public void Candles_Parse()
    {
        var candles = JsonRead.Document(Cassette.Response("test_get_candles_snapshot", "candleSnapshot"), e => JsonRead.List(e, Candle.Parse));
        Assert.Equal(24, candles.Count);
        Assert.Equal(new Candle(1684699200000, 1684702799999, "kPEPE", "1h", 0.001601m, 0.001616m, 0.001601m, 0.001604m, 520665683.0m, 709), candles[0]);
        RoundTrip(candles[0], c => c.Write, Candle.Parse, c => c);
    }

    [Fact]
    public void ExtraAgents_RoleAndRateLimit_Parse()
    {
        var agents = JsonRead.Document(Cassette.Response("test_extra_agents", "extraAgents"), e => JsonRead.List(e, ExtraAgent.Parse));
        Assert.Equal(new ExtraAgent("ok", Address.Parse("0x286edfa08c04f6899dab3bfdecf2dd133f9733b9"), 1767776120478), agents[0]);
        Assert.Equal(2, agents.Count);

        var role = JsonRead.Document(Cassette.Response("test_user_role", "userRole"), UserRole.Parse);
        Assert.Equal("vault", role.Role);

        var limit = JsonRead.Document(Cassette.Response("test_user_rate_limit", "userRateLimit"), UserRateLimit.Parse);
        // Mainnet rule: cap = 10000 + floor(cumVlm) = 10000 + 170043721737 = 170043731737.
        Assert.Equal(10000 + decimal.Floor(limit.CumVlm), limit.NRequestsCap);
        Assert.Equal(36589831368, limit.ToBudget().Used);
        RoundTrip(limit, l => l.Write, UserRateLimit.Parse, l => l);
    }

    [Fact]
    public void DocumentedShapes_WithoutCassettes_Parse()
    {
        // PROTOCOL §1.4 examples: metaAndAssetCtxs, orderStatus (found / unknown), agent role.
        const string ctxs = """
            [{"universe":[{"name":"BTC","szDecimals":5,"maxLeverage":50},{"name":"LOOM","szDecimals":1,"maxLeverage":3,"isDelisted":true,"onlyIsolated":true}],"collateralToken":0},
             [{"dayNtlVlm":"1.5","funding":"0.0000125","impactPxs":["113000.0","113001.0"],"markPx":"113000.5","midPx":null,"openInterest":"10.0","oraclePx":"113002.0","premium":null,"prevDayPx":"112000.0","dayBaseVlm":"0.1"},
              {"dayNtlVlm":"0.0","funding":"0.0","impactPxs":null,"markPx":"0.05","midPx":"0.05","openInterest":"0.0","oraclePx":"0.05","premium":"0.0","prevDayPx":"0.05"}]]
            """;
        var m = JsonRead.Document(System.Text.Encoding.UTF8.GetBytes(ctxs), MetaAndAssetContexts.Parse);
        Assert.True(m.Meta.Universe[1].IsDelisted);
        Assert.Null(m.Contexts[0].MidPx);
        Assert.Equal(113000.0m, m.Contexts[0].ImpactBidPx);
        Assert.Null(m.Contexts[1].ImpactAskPx);
        RoundTrip(m, x => x.Write, MetaAndAssetContexts.Parse, x => (x.Contexts[0], x.Contexts[1], x.Meta.Universe[1]));

        const string found = """
            {"status":"order","order":{"order":{"coin":"ETH","side":"A","limitPx":"2412.7","sz":"0.0","oid":1,"timestamp":1724361546645,"triggerCondition":"N/A","isTrigger":false,"triggerPx":"0.0","children":[],"isPositionTpsl":false,"reduceOnly":true,"orderType":"Market","origSz":"0.0076","tif":"FrontendMarket","cloid":"0x0000000000000000000000000000000a"},"status":"filled","statusTimestamp":1724361546645}}
            """;
        var status = JsonRead.Document(System.Text.Encoding.UTF8.GetBytes(found), OrderStatusResult.Parse);
        Assert.Equal(OrderState.Filled, status.State);
        Assert.Equal(new Cloid(10), status.Order!.Order.Cloid);
        Assert.Equal(OrderState.Filled, JsonRead.Document(JsonRead.ToUtf8(status.Write), OrderStatusResult.Parse).State);
        Assert.Equal(OrderState.Unknown, JsonRead.Document("""{"status":"unknownOid"}"""u8, OrderStatusResult.Parse).State);

        var agent = JsonRead.Document("""{"role":"agent","data":{"user":"0x14791697260E4c9A71f18484C9f997B308e59325"}}"""u8, UserRole.Parse);
        Assert.Equal(Address.Parse("0x14791697260e4c9a71f18484c9f997b308e59325"), agent.User);
    }

    [Theory]
    [InlineData("open", OrderState.Open)]
    [InlineData("filled", OrderState.Filled)]
    [InlineData("canceled", OrderState.Canceled)]
    [InlineData("badAloPxRejected", OrderState.Rejected)]
    [InlineData("scheduledCancel", OrderState.OtherTerminal)]
    [InlineData("marginCanceled", OrderState.OtherTerminal)]
    [InlineData("somethingNew", OrderState.OtherTerminal)]
    public void OrderStates_FoldVenueStatuses(string status, OrderState expected) => Assert.Equal(expected, OrderStates.FromVenueStatus(status));

    private static void RoundTrip<T, TKey>(T model, Func<T, Action<Utf8JsonWriter>> write, Func<JsonElement, T> parse, Func<T, TKey> key)
    {
        var again = JsonRead.Document(JsonRead.ToUtf8(write(model)), parse);
        Assert.Equal(key(model), key(again));
    }
}
