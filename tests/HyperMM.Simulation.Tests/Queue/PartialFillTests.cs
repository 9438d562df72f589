using HyperMM.Core.Market;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.Simulation.Matching;
using HyperMM.Simulation.Queue;
using HyperMM.Simulation.Tests.Matching;
using static HyperMM.Simulation.Tests.Matching.EngineHarness;

namespace HyperMM.Simulation.Tests.Queue;

/// <summary>Hand-computed scenarios of the partial-fill rules (docs/SIMULATION.md §2).</summary>
public sealed class PartialFillTests
{
    private static Trade Sell(decimal price, decimal size) => new(Eth, 0, Side.Sell, price, size, 1);

    [Fact]
    public void Bid_with_five_ahead_and_prints_of_three_then_four_at_its_price_fills_two()
    {
        var h = new EngineHarness();
        var a = h.Funded(1);
        h.Engine.ApplyOutsideBook(Book(0, [(2000m, 5m)], [(2000.1m, 4m)]));
        h.Place(a, Side.Buy, 2000m, 10m, TimeInForce.Alo); // joins behind the 5 visible

        h.Engine.ApplyOutsideTrade(Sell(2000m, 3m)); // 5 ahead -> 2, nothing for us
        h.Engine.ApplyOutsideTrade(Sell(2000m, 4m)); // 2 more ahead, then 4 - 2 = 2 for us

        var fill = Assert.Single(h.Engine.GetFills(a));
        Assert.Equal((2000m, 2m, false), (fill.Price, fill.Size, fill.Crossed));
        Assert.Equal(8m, Assert.Single(h.Engine.GetOpenOrders(a)).Size);
    }

    [Fact]
    public void Two_of_our_orders_at_one_price_share_a_print_in_time_order_behind_the_outside_queue()
    {
        var h = new EngineHarness();
        var a = h.Funded(1);
        h.Engine.ApplyOutsideBook(Book(0, [(2000m, 1m)], [(2000.1m, 4m)]));
        var first = h.Place(a, Side.Buy, 2000m, 2m, TimeInForce.Alo);  // 1 ahead
        h.Engine.ApplyOutsideBook(Book(1, [(2000m, 3m)], [(2000.1m, 4m)])); // 2 more join behind the first order
        var second = h.Place(a, Side.Buy, 2000m, 2m, TimeInForce.Alo); // 3 ahead (all outside)

        // The queue is: outside 1, first 2, outside 2, second 2. A print of 6: 1 outside, 2 first, 2 outside,
        // 1 second; 6 in all, never more than the print.
        h.Engine.ApplyOutsideTrade(Sell(2000m, 6m));

        var fills = h.Engine.GetFills(a);
        Assert.Equal([(first.OrderId, 2m), (second.OrderId, 1m)], fills.Select(f => (f.OrderId, f.Size)));
        Assert.Equal(1m, Assert.Single(h.Engine.GetOpenOrders(a)).Size);
    }

    [Fact]
    public void A_print_through_two_of_our_prices_fills_the_better_price_first()
    {
        var h = new EngineHarness();
        var a = h.Funded(1);
        h.Engine.ApplyOutsideBook(Book(0, [(1999.9m, 5m)], [(2000.1m, 4m)]));
        var high = h.Place(a, Side.Buy, 2000m, 1m, TimeInForce.Alo);
        var low = h.Place(a, Side.Buy, 1999.9m, 1m, TimeInForce.Alo); // behind the outside 5 at 1999.9

        // A sell print of 1.5 at 1999.8 went through both prices: the taker met 2000 first (1.0), then 1999.9:
        // the outside 5 there had arrived before our order, but the taker went below 1999.9, so that level was
        // swept and our order there gets the remaining 0.5.
        h.Engine.ApplyOutsideTrade(Sell(1999.8m, 1.5m));

        var fills = h.Engine.GetFills(a);
        Assert.Equal([(high.OrderId, 2000m, 1m), (low.OrderId, 1999.9m, 0.5m)], fills.Select(f => (f.OrderId, f.Price, f.Size)));
    }

    [Fact]
    public void Cancels_ahead_move_us_forward_by_the_probabilistic_model()
    {
        var h = new EngineHarness(new MatchingEngineOptions { QueueModel = new ProbabilisticQueueModel(QueueProbability.FrontSharePower, 3.0) });
        var a = h.Funded(1);
        h.Engine.ApplyOutsideBook(Book(0, [(2000m, 6m)], [(2000.1m, 4m)]));
        h.Place(a, Side.Buy, 2000m, 5m, TimeInForce.Alo);                    // ahead 6
        h.Engine.ApplyOutsideBook(Book(1, [(2000m, 10m)], [(2000.1m, 4m)])); // 4 join behind: ahead 6, back 4

        // 10 -> 5 with no trade: chg = 5. p (behind us) = 1 - (6/10)^3 = 1 - 0.216 = 0.784.
        // ahead = 6 - (1 - 0.784)·5 + min(4 - 0.784·5, 0) = 6 - 1.08 + min(0.08, 0) = 4.92
        h.Engine.ApplyOutsideBook(Book(2, [(2000m, 5m)], [(2000.1m, 4m)]));
        h.Engine.ApplyOutsideTrade(Sell(2000m, 2m)); // ahead 4.92 -> 2.92, nothing for us

        // 5 -> 2 with 2 traded at our price since the last book: chg = 5 - 2 - 2 = 1 cancel. front 2.92, back 2.08,
        // p = 1 - (2.92/5)^3 = 0.8008; ahead = 2.92 - 0.1992·1 + min(2.08 - 0.8008, 0) = 2.7208, but only 2 are
        // left in the level: ahead = min(2.7208, 2) = 2.
        h.Engine.ApplyOutsideBook(Book(3, [(2000m, 2m)], [(2000.1m, 4m)]));
        h.Engine.ApplyOutsideTrade(Sell(2000m, 2.5m)); // 2 ahead, 0.5 for us

        Assert.Equal(0.5m, Assert.Single(h.Engine.GetFills(a)).Size);
    }

    [Fact]
    public void Risk_averse_model_gives_no_credit_for_the_same_cancels()
    {
        var h = new EngineHarness(new MatchingEngineOptions { QueueModel = RiskAverseQueueModel.Instance });
        var a = h.Funded(1);
        h.Engine.ApplyOutsideBook(Book(0, [(2000m, 6m)], [(2000.1m, 4m)]));
        h.Place(a, Side.Buy, 2000m, 5m, TimeInForce.Alo);
        h.Engine.ApplyOutsideBook(Book(1, [(2000m, 10m)], [(2000.1m, 4m)]));

        // 10 -> 5: every cancel assumed behind us, ahead = min(6, 5) = 5; a print of 5.5 leaves 0.5 for us
        h.Engine.ApplyOutsideBook(Book(2, [(2000m, 5m)], [(2000.1m, 4m)]));
        h.Engine.ApplyOutsideTrade(Sell(2000m, 5.5m));

        Assert.Equal(0.5m, Assert.Single(h.Engine.GetFills(a)).Size);
    }

    [Fact]
    public void Front_share_power_matches_hftbacktest_and_never_turns_a_cancel_into_a_fill()
    {
        // PowerProbQueueFunc3, n = 3: p = 1 - (front / (front + back))^3. front 5, back 5: 1 - 0.125 = 0.875.
        var front3 = new ProbabilisticQueueModel(QueueProbability.FrontSharePower, 3.0);
        Assert.Equal(0.875, front3.ProbabilityBehind(5m, 5m), 12);
        Assert.Equal(0.999, front3.ProbabilityBehind(1m, 9m), 12);

        // hftbacktest's estimate can go negative: power 2, front 9, back 1, level 10 -> 0 (chg 10):
        // p = 1/82, est = 9 - (81/82)·10 + min(1 - 10/82, 0) = -0.878. Here a level change never fills: 0.
        var power2 = new ProbabilisticQueueModel(QueueProbability.Power, 2.0);
        Assert.Equal(0m, power2.OnLevelChange(9m, 0m, 10m, 0m));
    }

    [Theory]
    [InlineData("risk-averse", typeof(RiskAverseQueueModel))]
    [InlineData("prob-front3", typeof(ProbabilisticQueueModel))]
    public void Queue_models_are_found_by_their_cli_names(string name, Type type)
    {
        Assert.IsType(type, QueueModels.Create(name));
        Assert.Contains(name, QueueModels.Names);
        Assert.Throws<ArgumentException>(() => QueueModels.Create("fifo"));
    }
}
