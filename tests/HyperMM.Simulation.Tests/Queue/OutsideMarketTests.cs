using HyperMM.Core.Market;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.Simulation.Matching;
using HyperMM.Simulation.Queue;
using HyperMM.Simulation.Tests.Matching;
using static HyperMM.Simulation.Tests.Matching.EngineHarness;

namespace HyperMM.Simulation.Tests.Queue;

public sealed class OutsideMarketTests
{
    private static Trade Sell(decimal price, decimal size) => new(Eth, 0, Side.Sell, price, size, 1);

    [Fact]
    public void Order_behind_five_units_fills_only_after_five_units_trade_at_its_price()
    {
        var h = new EngineHarness();
        var a = h.Funded(1);
        h.Engine.ApplyOutsideBook(Book(0, [(2000m, 5m), (1999.9m, 3m)], [(2000.1m, 4m)]));
        h.Place(a, Side.Buy, 2000m, 1m, TimeInForce.Alo);

        h.Engine.ApplyOutsideTrade(Sell(2000m, 3m)); // queue ahead 5 -> 2
        h.Engine.ApplyOutsideTrade(Sell(2000m, 2m)); // queue ahead 2 -> 0, nothing left for us
        Assert.Empty(h.Engine.GetFills(a));

        h.Engine.ApplyOutsideTrade(Sell(2000m, 0.4m)); // now it is our turn: 0.4 of our 1.0
        var fill = Assert.Single(h.Engine.GetFills(a));
        Assert.Equal((2000m, 0.4m, false), (fill.Price, fill.Size, fill.Crossed));
        Assert.Equal(0.6m, Assert.Single(h.Engine.GetOpenOrders(a)).Size);
    }

    [Fact]
    public void A_single_trade_larger_than_the_queue_fills_the_excess()
    {
        var h = new EngineHarness();
        var a = h.Funded(1);
        h.Engine.ApplyOutsideBook(Book(0, [(2000m, 5m)], [(2000.1m, 4m)]));
        h.Place(a, Side.Buy, 2000m, 1m, TimeInForce.Alo);

        h.Engine.ApplyOutsideTrade(Sell(2000m, 5.25m)); // 5 ahead, 0.25 reaches us

        Assert.Equal(0.25m, Assert.Single(h.Engine.GetFills(a)).Size);
    }

    [Fact]
    public void A_trade_through_our_price_fills_at_most_the_print()
    {
        var h = new EngineHarness();
        var a = h.Funded(1);
        h.Engine.ApplyOutsideBook(Book(0, [(2000m, 5m)], [(2000.1m, 4m)]));
        h.Place(a, Side.Buy, 2000m, 1m, TimeInForce.Alo);

        // A seller went below our bid: it would have met us first, but it only had 0.3 to sell at 1999.9,
        // then 0.5 more at 1999.8: 0.3 + 0.5 = 0.8 of our 1.0, at our price, as maker.
        h.Engine.ApplyOutsideTrade(Sell(1999.9m, 0.3m));
        h.Engine.ApplyOutsideTrade(Sell(1999.8m, 0.5m));

        var fills = h.Engine.GetFills(a);
        Assert.Equal([(2000m, 0.3m, false), (2000m, 0.5m, false)], fills.Select(f => (f.Price, f.Size, f.Crossed)));
        Assert.Equal(0.8m, h.Engine.GetPosition(a, Eth).Size);
        Assert.Equal(0.2m, Assert.Single(h.Engine.GetOpenOrders(a)).Size);
    }

    [Fact]
    public void A_book_that_moves_through_our_order_does_not_fill_it_until_a_print_confirms()
    {
        var h = new EngineHarness();
        var a = h.Funded(1);
        h.Engine.ApplyOutsideBook(Book(0, [(2000m, 5m)], [(2000.1m, 4m)]));
        h.Place(a, Side.Sell, 2000.1m, 1m, TimeInForce.Alo);

        // the outside bids rose above our ask without a trade: repricing makers, not takers (docs/SIMULATION.md §2)
        h.Engine.ApplyOutsideBook(Book(1, [(2000.2m, 5m)], [(2000.3m, 4m)]));
        Assert.Equal(0m, h.Engine.GetPosition(a, Eth).Size);

        // a buyer lifting the outside ask at 2000.3 passes our 2000.1 ask: 0.25 of it is ours
        h.Engine.ApplyOutsideTrade(new Trade(Eth, 2, Side.Buy, 2000.3m, 0.25m, 2));
        Assert.Equal(-0.25m, h.Engine.GetPosition(a, Eth).Size);
    }

    [Fact]
    public void Risk_averse_queue_only_moves_forward_when_the_level_shrinks_below_it()
    {
        var h = new EngineHarness(new MatchingEngineOptions { QueueModel = RiskAverseQueueModel.Instance });
        var a = h.Funded(1);
        h.Engine.ApplyOutsideBook(Book(0, [(2000m, 5m)], [(2000.1m, 4m)]));
        h.Place(a, Side.Buy, 2000m, 1m, TimeInForce.Alo);
        h.Engine.ApplyOutsideBook(Book(1, [(2000m, 4m)], [(2000.1m, 4m)])); // 5 -> 4: ahead min(5, 4) = 4
        h.Engine.ApplyOutsideBook(Book(2, [(2000m, 9m)], [(2000.1m, 4m)])); // growth joins behind: still 4

        h.Engine.ApplyOutsideTrade(Sell(2000m, 4m));
        Assert.Empty(h.Engine.GetFills(a));
        h.Engine.ApplyOutsideTrade(Sell(2000m, 1m));
        Assert.Equal(1m, Assert.Single(h.Engine.GetFills(a)).Size);
    }

    [Fact]
    public void Incoming_taker_consumes_outside_liquidity_before_later_account_orders()
    {
        var h = new EngineHarness();
        var mm = h.Funded(1);
        var taker = h.Funded(2);
        h.Engine.ApplyOutsideBook(Book(0, [(2000m, 5m)], [(2000.1m, 0.5m), (2000.2m, 1m)]));
        h.Place(mm, Side.Sell, 2000.1m, 1m, TimeInForce.Alo);

        var result = h.Place(taker, Side.Buy, 2000.1m, 1m, TimeInForce.Ioc);

        // 0.5 outside first (it was there first), then 0.5 of mm's order; avg 2000.1
        Assert.Equal((1m, 2000.1m), (result.FilledSize, result.AveragePrice));
        Assert.Equal(0.5m, Assert.Single(h.Engine.GetFills(mm)).Size);
        var book = h.Engine.GetBook(Eth);
        Assert.Equal((2000.1m, 0.5m), (book.Asks[0].Price, book.Asks[0].Size)); // outside 0.5 used up, mm's 0.5 left
    }

    [Fact]
    public void Probabilistic_model_moves_us_forward_by_the_expected_share_of_cancels()
    {
        // front 6, back 4 (level 10 -> 5, no trades): chg = 5. power 2: p = 4^2 / (4^2 + 6^2) = 16 / 52
        // est = 6 - (1 - 16/52) * 5 + min(4 - 16/52 * 5, 0) = 6 - 36/52 * 5 + 0 = 6 - 3.4615... = 2.5384...
        var model = new ProbabilisticQueueModel(QueueProbability.Power, 2.0);
        var ahead = model.OnLevelChange(6m, 0m, 10m, 5m);
        Assert.Equal(2.5385m, decimal.Round(ahead, 4));

        // log: p = ln 5 / (ln 5 + ln 7) = 1.6094 / (1.6094 + 1.9459) = 0.45267; est = 6 - 0.54733 * 5 = 3.2633
        var log = new ProbabilisticQueueModel(QueueProbability.Log);
        Assert.Equal(3.263m, decimal.Round(log.OnLevelChange(6m, 0m, 10m, 5m), 3));

        // trades already applied are not counted again: level 10 -> 5 with 5 traded is no cancel at all
        Assert.Equal(1m, model.OnLevelChange(1m, 5m, 10m, 5m));
        Assert.Equal(3m, RiskAverseQueueModel.Instance.OnLevelChange(6m, 0m, 10m, 3m));
    }

    [Fact]
    public void Engine_uses_the_configured_queue_model()
    {
        var h = new EngineHarness(new MatchingEngineOptions { QueueModel = new ProbabilisticQueueModel(QueueProbability.Power, 2.0) });
        var a = h.Funded(1);
        h.Engine.ApplyOutsideBook(Book(0, [(2000m, 6m)], [(2000.1m, 4m)]));
        h.Place(a, Side.Buy, 2000m, 1m, TimeInForce.Alo); // ahead 6, back 0
        h.Engine.ApplyOutsideBook(Book(1, [(2000m, 10m)], [(2000.1m, 4m)])); // +4 behind us
        h.Engine.ApplyOutsideBook(Book(2, [(2000m, 5m)], [(2000.1m, 4m)])); // as in the hand calculation: ahead 2.5385

        h.Engine.ApplyOutsideTrade(Sell(2000m, 3m)); // 3 - 2.5385 = 0.4615 reaches us

        Assert.Equal(0.4615m, decimal.Round(Assert.Single(h.Engine.GetFills(a)).Size, 4));
    }
}
