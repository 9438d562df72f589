using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.Simulation.Matching;
using static HyperMM.Simulation.Tests.Matching.EngineHarness;

namespace HyperMM.Simulation.Tests.Matching;

public sealed class MatchingEngineTests
{
    [Fact]
    public void Price_then_time_priority_decides_who_fills()
    {
        var h = new EngineHarness();
        var a = h.Funded(1);
        var b = h.Funded(2);
        var c = h.Funded(3);
        var taker = h.Funded(4);
        var first = h.Place(a, Side.Sell, 2000.0m, 1.0m);
        var second = h.Place(b, Side.Sell, 2000.0m, 1.0m);
        var better = h.Place(c, Side.Sell, 1999.9m, 1.0m);

        var result = h.Place(taker, Side.Buy, 2000.0m, 2.5m, TimeInForce.Ioc);

        // Better price first (c 1.0 @ 1999.9), then time at 2000.0: a 1.0, b 0.5.
        // avg = (1999.9 + 2000 + 0.5 * 2000) / 2.5 = 4999.9 / 2.5 = 1999.96
        Assert.Equal(OrderResultKind.Filled, result.Kind);
        Assert.Equal(2.5m, result.FilledSize);
        Assert.Equal(1999.96m, result.AveragePrice);
        var makerFills = h.Sink.Fills.Where(f => !f.Fill.Crossed).Select(f => (f.Fill.OrderId, f.Fill.Price, f.Fill.Size)).ToList();
        Assert.Equal([(better.OrderId, 1999.9m, 1.0m), (first.OrderId, 2000.0m, 1.0m), (second.OrderId, 2000.0m, 0.5m)], makerFills);
        Assert.Equal(0.5m, Assert.Single(h.Engine.GetOpenOrders(b)).Size);
        Assert.Empty(h.Engine.GetOpenOrders(a));
    }

    [Fact]
    public void Alo_that_would_cross_is_rejected_with_the_bbo_and_one_behind_the_touch_rests()
    {
        var h = new EngineHarness();
        var mm = h.Funded(1);
        var trader = h.Funded(2);
        h.Place(mm, Side.Buy, 1999.5m, 1m);
        h.Place(mm, Side.Sell, 2000.1m, 1m);

        var crossing = h.Place(trader, Side.Buy, 2000.1m, 0.1m, TimeInForce.Alo);
        var resting = h.Place(trader, Side.Buy, 2000m, 0.1m, TimeInForce.Alo);

        Assert.Equal(RejectReason.PostOnlyWouldCross, crossing.Reason);
        Assert.Equal("Post only order would have immediately matched, bbo was 1999.5@2000.1. asset=1", crossing.Message);
        Assert.Equal(OrderResultKind.Resting, resting.Kind);
        Assert.Empty(h.Sink.Fills);
    }

    [Fact]
    public void Ioc_fills_what_it_can_and_the_remainder_is_cancelled()
    {
        var h = new EngineHarness();
        var mm = h.Funded(1);
        var taker = h.Funded(2);
        h.Place(mm, Side.Sell, 2000m, 0.3m);

        var partial = h.Place(taker, Side.Buy, 2000m, 0.5m, TimeInForce.Ioc);
        var nothing = h.Place(taker, Side.Buy, 2000m, 0.5m, TimeInForce.Ioc);

        Assert.Equal(OrderResultKind.Filled, partial.Kind);
        Assert.Equal(0.3m, partial.FilledSize);
        Assert.Empty(h.Engine.GetOpenOrders(taker));
        Assert.Equal(OrderState.Canceled, h.Engine.GetOrder(taker, partial.OrderId)!.State);
        Assert.Equal(RejectReason.IocNoMatch, nothing.Reason);
        Assert.Equal("Order could not immediately match against any resting orders. asset=1", nothing.Message);
        Assert.Empty(h.Engine.GetBook(Eth).Asks);
    }

    [Fact]
    public void Reduce_only_is_refused_when_flat_and_clipped_to_the_position()
    {
        var h = new EngineHarness();
        var mm = h.Funded(1);
        var trader = h.Funded(2);

        var flat = h.Place(trader, Side.Sell, 2000m, 0.5m, TimeInForce.Gtc, reduceOnly: true);
        Assert.Equal("Reduce only order would increase position. asset=1", flat.Message);

        h.Place(mm, Side.Sell, 2000m, 0.5m);
        h.Place(trader, Side.Buy, 2000m, 0.5m, TimeInForce.Ioc); // trader long 0.5
        var growing = h.Place(trader, Side.Buy, 1990m, 0.5m, TimeInForce.Gtc, reduceOnly: true);
        Assert.Equal(RejectReason.ReduceOnlyWouldIncrease, growing.Reason);

        h.Place(mm, Side.Buy, 1995m, 2m);
        var close = h.Place(trader, Side.Sell, 1995m, 1m, TimeInForce.Ioc, reduceOnly: true);

        Assert.Equal(0.5m, close.FilledSize); // only the 0.5 position could be reduced
        Assert.Equal(0m, h.Engine.GetPosition(trader, Eth).Size);
    }

    [Fact]
    public void Partial_fills_leave_the_rest_on_the_book_and_a_crossing_gtc_rests_its_remainder()
    {
        var h = new EngineHarness();
        var mm = h.Funded(1);
        var taker = h.Funded(2);
        var maker = h.Place(mm, Side.Sell, 2000m, 1.0m);

        h.Place(taker, Side.Buy, 2000m, 0.4m, TimeInForce.Ioc);
        var open = Assert.Single(h.Engine.GetOpenOrders(mm));
        Assert.Equal((maker.OrderId, 0.6m, 1.0m), (open.OrderId, open.Size, open.OriginalSize));

        var gtc = h.Place(taker, Side.Buy, 2000m, 1.0m, TimeInForce.Gtc);

        Assert.Equal(OrderResultKind.Resting, gtc.Kind);
        Assert.Equal(0.6m, gtc.FilledSize);
        var rest = Assert.Single(h.Engine.GetOpenOrders(taker));
        Assert.Equal((2000m, 0.4m), (rest.Price, rest.Size));
        Assert.Equal(OrderState.Filled, h.Engine.GetOrder(mm, maker.OrderId)!.State);
        Assert.Equal(new[] { 2000m }, h.Engine.GetBook(Eth).Bids.Select(l => l.Price));
    }

    [Fact]
    public void Fees_and_realised_pnl_match_a_hand_calculation()
    {
        var h = new EngineHarness();
        var m = h.Funded(1, 10_000m);
        var t = h.Funded(2, 10_000m);

        h.Place(m, Side.Sell, 2000m, 1m);
        h.Place(t, Side.Buy, 2000m, 1m, TimeInForce.Ioc);
        h.Place(t, Side.Sell, 2100m, 1m);
        h.Place(m, Side.Buy, 2100m, 1m, TimeInForce.Ioc);

        // m: maker sell 1 @ 2000 fee 2000 * 0.00015 = 0.30; taker buy 1 @ 2100 fee 2100 * 0.00045 = 0.945;
        //    realised (2000 - 2100) * 1 = -100; balance 10000 - 100 - 1.245 = 9898.755
        // t: taker buy fee 2000 * 0.00045 = 0.90; maker sell fee 2100 * 0.00015 = 0.315; realised +100;
        //    balance 10000 + 100 - 1.215 = 10098.785
        var mFills = h.Engine.GetFills(m);
        Assert.Equal([0.30m, 0.945m], mFills.Select(f => f.Fee));
        Assert.Equal([0m, -100m], mFills.Select(f => f.ClosedPnl));
        Assert.Equal(9898.755m, h.Engine.GetAccount(m).Balance);
        Assert.Equal(10098.785m, h.Engine.GetAccount(t).Balance);
        Assert.Equal(1.215m, h.Engine.GetPosition(t, Eth).FeesPaid);
        Assert.Equal(2000m + 2100m, h.Engine.GetAccount(t).CumulativeVolumeUsd);
        Assert.Equal(h.Engine.GetFills(t).Select(f => f.TradeId), mFills.Select(f => f.TradeId)); // one tid per match
    }

    [Fact]
    public void Custom_fee_schedule_with_a_maker_rebate()
    {
        var h = new EngineHarness(new MatchingEngineOptions { Fees = new FeeSchedule(0.0005m, -0.0001m) });
        var m = h.Funded(1);
        var t = h.Funded(2);
        h.Place(m, Side.Buy, 100_000m, 0.01m, coin: Btc);
        h.Place(t, Side.Sell, 100_000m, 0.01m, TimeInForce.Ioc, coin: Btc);

        // notional 100000 * 0.01 = 1000: maker -0.1 (rebate), taker +0.5
        Assert.Equal(-0.1m, Assert.Single(h.Engine.GetFills(m)).Fee);
        Assert.Equal(0.5m, Assert.Single(h.Engine.GetFills(t)).Fee);
    }

    [Fact]
    public void Unrealised_pnl_uses_the_book_mid()
    {
        var h = new EngineHarness();
        var m = h.Funded(1);
        var t = h.Funded(2);
        h.Place(m, Side.Sell, 2000m, 2m);
        h.Place(t, Side.Buy, 2000m, 2m, TimeInForce.Ioc); // t long 2 @ 2000
        h.Place(m, Side.Buy, 2009m, 1m);
        h.Place(m, Side.Sell, 2011m, 1m);

        // mid (2009 + 2011) / 2 = 2010; unrealised 2 * (2010 - 2000) = 20; margin 2 * 2010 / 20 = 201
        var position = h.Engine.GetPosition(t, Eth);
        Assert.Equal(20m, position.UnrealizedPnl);
        Assert.Equal(201m, position.MarginUsed);
        Assert.Equal(-20m, h.Engine.GetPosition(m, Eth).UnrealizedPnl);
    }

    [Fact]
    public void Margin_check_uses_leverage_and_open_orders()
    {
        var h = new EngineHarness();
        var a = h.Funded(1, 100m);

        // default leverage min(20, 25) = 20: 1 ETH @ 2000 needs 2000 / 20 = 100 = all of the 100 USDC
        Assert.True(h.Place(a, Side.Buy, 2000m, 1m).IsAccepted);
        var more = h.Place(a, Side.Buy, 1999m, 0.01m);
        Assert.Equal("Insufficient margin to place order. asset=1", more.Message);

        // at 2x: 0.11 @ 2000 needs 220 / 2 = 110 > 100; 0.1 needs 200 / 2 = 100 <= 100
        var b = h.Funded(2, 100m);
        Assert.Equal(VenueErrors.InvalidLeverage, h.Engine.SetLeverage(b, Eth, 26)); // ETH max leverage 25
        Assert.Null(h.Engine.SetLeverage(b, Eth, 2));
        Assert.Equal(RejectReason.InsufficientMargin, h.Place(b, Side.Buy, 2000m, 0.11m).Reason);
        Assert.True(h.Place(b, Side.Buy, 2000m, 0.1m).IsAccepted);
    }

    [Fact]
    public void Venue_price_and_size_rules_are_enforced_with_venue_texts()
    {
        var h = new EngineHarness();
        var a = h.Funded(1);

        Assert.Equal("Price must be divisible by tick size. asset=1", h.Place(a, Side.Buy, 2000.05m, 0.1m).Message);
        Assert.Equal("Order has invalid size. asset=1", h.Place(a, Side.Buy, 2000m, 0.00005m).Message);
        Assert.Equal("Order must have minimum value of $10. asset=1", h.Place(a, Side.Buy, 2000m, 0.004m).Message); // $8
        Assert.Equal("Order has zero size. asset=1", h.Place(a, Side.Buy, 2000m, 0m).Message);
        Assert.Equal("Price must be divisible by tick size. asset=0", h.Place(a, Side.Buy, 65000.5m, 0.001m, coin: Btc).Message);
        Assert.True(h.Place(a, Side.Buy, 123456m, 0.001m, coin: Btc).IsAccepted); // integer prices always valid
    }

    [Fact]
    public void Cancel_by_oid_and_cloid_and_a_missing_order()
    {
        var h = new EngineHarness();
        var a = h.Funded(1);
        var cloid = new Cloid(42);
        var byOid = h.Place(a, Side.Buy, 1990m, 0.1m);
        h.Place(a, Side.Buy, 1991m, 0.1m, cloid: cloid);

        Assert.True(h.Engine.Cancel(a, Eth, byOid.OrderId).Success);
        Assert.True(h.Engine.CancelByCloid(a, Eth, cloid).Success);
        var again = h.Engine.Cancel(a, Eth, byOid.OrderId);

        Assert.Equal(RejectReason.OrderNotFound, again.Reason);
        Assert.Equal("Order was never placed, already canceled, or filled. asset=1", again.Message);
        Assert.Equal(OrderState.Canceled, h.Engine.GetOrder(a, cloid)!.State);
        Assert.Null(h.Engine.GetOrder(a, new Cloid(7)));
        Assert.Empty(h.Engine.GetOpenOrders(a));
    }

    [Fact]
    public void Another_account_cannot_cancel_or_see_my_order()
    {
        var h = new EngineHarness();
        var a = h.Funded(1);
        var b = h.Funded(2);
        var order = h.Place(a, Side.Buy, 1990m, 0.1m);

        Assert.Equal(RejectReason.OrderNotFound, h.Engine.Cancel(b, Eth, order.OrderId).Reason);
        Assert.Null(h.Engine.GetOrder(b, order.OrderId));
    }

    [Fact]
    public void Modify_replaces_the_order_and_a_crossing_modify_keeps_the_old_one()
    {
        var h = new EngineHarness();
        var a = h.Funded(1);
        var b = h.Funded(2);
        h.Place(b, Side.Sell, 2000m, 1m);
        h.Place(b, Side.Buy, 1980m, 1m);
        var original = h.Place(a, Side.Buy, 1990m, 0.1m);

        var moved = h.Engine.Modify(a, new ModifyRequest(original.OrderId, null, new OrderRequest(Eth, Side.Buy, 1995m, 0.2m, TimeInForce.Gtc, false, null)));
        var crossing = h.Engine.Modify(a, new ModifyRequest(moved.OrderId, null, new OrderRequest(Eth, Side.Buy, 2000m, 0.2m, TimeInForce.Gtc, false, null)));

        Assert.Equal(OrderResultKind.Resting, moved.Kind);
        Assert.NotEqual(original.OrderId, moved.OrderId);
        Assert.Equal("Post only order would have immediately matched, bbo was 1980@2000. asset=1", crossing.Message);
        var open = Assert.Single(h.Engine.GetOpenOrders(a));
        Assert.Equal((moved.OrderId, 1995m, 0.2m), (open.OrderId, open.Price, open.Size));
        Assert.Equal(RejectReason.OrderNotFound, h.Engine.Modify(a, new ModifyRequest(original.OrderId, null, new OrderRequest(Eth, Side.Buy, 1985m, 0.2m, TimeInForce.Alo, false, null))).Reason);
    }

    [Fact]
    public void Open_order_limit_refuses_the_next_resting_order()
    {
        var h = new EngineHarness(new MatchingEngineOptions { OpenOrderLimit = 2 });
        var a = h.Funded(1);
        h.Place(a, Side.Buy, 1990m, 0.1m);
        h.Place(a, Side.Buy, 1991m, 0.1m);

        Assert.Equal(RejectReason.TooManyOpenOrders, h.Place(a, Side.Buy, 1992m, 0.1m).Reason);
    }

    [Fact]
    public void Schedule_cancel_is_gated_by_volume_then_fires_at_its_time()
    {
        var h = new EngineHarness(new MatchingEngineOptions { ScheduleCancelVolumeGateUsd = 1000m });
        var a = h.Funded(1);
        var b = h.Funded(2);
        var now = h.Time.GetUtcNow().ToUnixTimeMilliseconds();

        var gated = h.Engine.ScheduleCancel(a, now + 60_000);
        Assert.Equal("Cannot set scheduled cancel time until enough volume traded. Required: $1000. Traded: $0.", gated.Message);

        h.Place(b, Side.Sell, 2000m, 1m);
        h.Place(a, Side.Buy, 2000m, 0.6m, TimeInForce.Ioc); // a traded 0.6 * 2000 = 1200 >= 1000
        Assert.Equal(RejectReason.ScheduledCancelRefused, h.Engine.ScheduleCancel(a, now + 4_999).Reason);
        Assert.True(h.Engine.ScheduleCancel(a, now + 10_000).Success);
        var resting = h.Place(a, Side.Buy, 1990m, 0.1m);

        h.Time.Advance(TimeSpan.FromMilliseconds(9_999));
        h.Engine.AdvanceTime();
        Assert.Single(h.Engine.GetOpenOrders(a));
        h.Time.Advance(TimeSpan.FromMilliseconds(1));
        h.Engine.AdvanceTime();

        Assert.Empty(h.Engine.GetOpenOrders(a));
        Assert.Equal("scheduledCancel", h.Engine.GetOrder(a, resting.OrderId)!.Status);
        Assert.Equal(1, h.Engine.ScheduledCancelTriggers(a));
        Assert.Single(h.Engine.GetOpenOrders(b)); // b did not schedule anything
    }

    [Fact]
    public void Default_volume_gate_text_matches_the_venue()
    {
        var h = new EngineHarness();
        var a = h.Funded(1);
        Assert.Equal("Cannot set scheduled cancel time until enough volume traded. Required: $1000000. Traded: $0.", h.Engine.ScheduleCancel(a, null).Message);
    }

    [Fact]
    public void Ids_are_unique_and_the_sink_sees_fills_updates_trades_and_books()
    {
        var h = new EngineHarness();
        var m = h.Funded(1);
        var t = h.Funded(2);
        h.Place(m, Side.Sell, 2000m, 1m);
        h.Place(m, Side.Sell, 2001m, 1m);
        h.Place(t, Side.Buy, 2001m, 1.5m, TimeInForce.Ioc);

        Assert.Equal(4, h.Sink.Fills.Count);
        Assert.Equal(2, h.Sink.Trades.Count);
        Assert.Equal(2, h.Sink.Trades.Select(tr => tr.TradeId).Distinct().Count());
        Assert.Equal(3, h.Sink.Updates.Select(u => u.Update.Order.OrderId).Distinct().Count());
        Assert.Equal(Side.Buy, h.Sink.Trades[0].AggressorSide);
        Assert.Equal(0.5m, h.Sink.Books[^1].Asks[0].Size);
        Assert.Equal(1.5m, h.Engine.GetFills(t).Sum(f => f.Size));
    }

    [Fact]
    public void Self_trade_cancels_the_resting_order()
    {
        var h = new EngineHarness();
        var a = h.Funded(1);
        var resting = h.Place(a, Side.Sell, 2000m, 1m);
        var ioc = h.Place(a, Side.Buy, 2000m, 1m, TimeInForce.Ioc);

        Assert.Equal(RejectReason.IocNoMatch, ioc.Reason);
        Assert.Equal("selfTradeCanceled", h.Engine.GetOrder(a, resting.OrderId)!.Status);
    }
}
