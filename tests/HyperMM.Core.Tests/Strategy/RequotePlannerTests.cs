using HyperMM.Core.Market;
using HyperMM.Core.Model;
using HyperMM.Core.Primitives;
using HyperMM.Core.Strategy;
using HyperMM.Core.Trading;
using HyperMM.TestSupport;

namespace HyperMM.Core.Tests.Strategy;

public class RequotePlannerTests
{
    private static readonly CloidFactory Cloids = new("mm_eth_perp", 1);

    private static QuoteResult Quote(decimal bid = 4283.9m, decimal ask = 4287.1m)
    {
        var q = QuoteEngine.Compute(new QuoteInputs(new TopOfBook(4285.4m, 1m, 4285.6m, 1m), 0m, 0m, 0m, 48.6, 0), TestStrategies.Eth.As(), TestStrategies.EthSpec);
        return q with { Bid = q.Bid with { Price = bid }, Ask = q.Ask with { Price = ask } };
    }

    /// <summary>The engine's result as the seam's quote (what the loop hands the planner).</summary>
    private static ModelQuote M(QuoteResult r) => ((AvellanedaStoikovModel)TestStrategies.Eth.CreateModel(TestStrategies.EthSpec)).ToModelQuote(r);

    private static ManagedOrder Resting(Side side, decimal price, decimal size, TimeInForce tif = TimeInForce.Alo) =>
        new(Cloids.Next(), side, price, size, tif, false, 0) { State = ManagedOrderState.Resting, OrderId = new OrderId(7) };

    [Fact]
    public void Plan_Amend_KeepsOrdersWithinTolerance()
    {
        // 0.1 away at 4285.5 is 0.23 bps < 1 bps tolerance; sizes equal.
        var orders = new[] { Resting(Side.Buy, 4283.8m, 0.01m), Resting(Side.Sell, 4287.2m, 0.01m) };
        var plan = RequotePlanner.Plan(M(Quote()), orders, TestStrategies.Eth, Cloids.Next);
        Assert.True(plan.IsEmpty);
        Assert.Equal(2, plan.Kept);
    }

    [Fact]
    public void Plan_Amend_ModifiesWhenPriceMovedBeyondTolerance()
    {
        // 4283.0 vs 4283.9: 2.1 bps away → modify the bid; the ask stays.
        var orders = new[] { Resting(Side.Buy, 4283.0m, 0.01m), Resting(Side.Sell, 4287.1m, 0.01m) };
        var plan = RequotePlanner.Plan(M(Quote()), orders, TestStrategies.Eth, Cloids.Next);
        var modify = Assert.Single(plan.Modifies);
        Assert.Same(orders[0], modify.Target);
        Assert.Equal(4283.9m, modify.Replacement.Price);
        Assert.Empty(plan.Places);
        Assert.Empty(plan.Cancels);
    }

    [Fact]
    public void Plan_Amend_NeverKeepsAnOrderBiggerThanTheQuote()
    {
        // A resting bid larger than the new (cap-limited) size would break the cap: it must be modified.
        var orders = new[] { Resting(Side.Buy, 4283.9m, 0.012m) };
        var plan = RequotePlanner.Plan(M(Quote()), orders, TestStrategies.Eth, Cloids.Next);
        Assert.Single(plan.Modifies);
    }

    [Fact]
    public void Plan_Amend_CancelsExtrasAndUnquotedSides()
    {
        var q = Quote();
        q = q with { Ask = q.Ask with { Size = 0m, Status = SideQuoteStatus.AtCap } };
        var orders = new[] { Resting(Side.Buy, 4283.9m, 0.01m), Resting(Side.Buy, 4280m, 0.01m), Resting(Side.Sell, 4287.1m, 0.01m) };
        var plan = RequotePlanner.Plan(M(q), orders, TestStrategies.Eth, Cloids.Next);
        Assert.Equal(1, plan.Kept);
        Assert.Equal(2, plan.Cancels.Count);
        Assert.Contains(orders[1], plan.Cancels);
        Assert.Contains(orders[2], plan.Cancels);
    }

    [Fact]
    public void Plan_Amend_TifChangeForcesAModify()
    {
        var orders = new[] { Resting(Side.Buy, 4283.9m, 0.01m, TimeInForce.Gtc) };
        var plan = RequotePlanner.Plan(M(Quote()), orders, TestStrategies.Eth, Cloids.Next);
        Assert.Equal(TimeInForce.Alo, Assert.Single(plan.Modifies).Replacement.Tif);
    }

    [Fact]
    public void Plan_Replace_CancelsEverythingAndPlacesFresh()
    {
        var replace = TestStrategies.Eth with { RequoteMode = RequoteMode.Replace };
        var orders = new[] { Resting(Side.Buy, 4283.9m, 0.01m), Resting(Side.Sell, 4287.1m, 0.01m) };
        var plan = RequotePlanner.Plan(M(Quote()), orders, replace, Cloids.Next);
        Assert.Equal(2, plan.Cancels.Count);
        Assert.Equal(2, plan.Places.Count);
        Assert.All(plan.Places, p => Assert.True(new OwnOrders("mm_eth_perp").IsOurs(p.Cloid)));
        Assert.Equal(4, plan.RequestCost);
    }

    [Fact]
    public void Plan_Amend_CrossingSide_IsCancelPlusNewReduceOnlyOrderNotAModify()
    {
        // Long 0.1 ETH (q = 0.5 >= 0.25) at the last pressure stage (3): the ask crosses at the best bid 4285.4 as a
        // reduce-only Gtc. A batchModify without "a": true may not place a crossing order (PROTOCOL §2.2), so the
        // resting ask is cancelled and the cross is a new order; the bid, not crossing, is still a modify.
        var quote = QuoteEngine.Compute(new QuoteInputs(new TopOfBook(4285.4m, 1m, 4285.6m, 1m), 0.1m, 0m, 0m, 48.6, 3), TestStrategies.Eth.As(), TestStrategies.EthSpec);
        Assert.True(quote.Ask.Crosses && quote.Ask.ReduceOnly && quote.Ask.IsQuoted);
        Assert.Equal(4285.4m, quote.Ask.Price);
        var orders = new[] { Resting(Side.Buy, 4270m, 0.005m), Resting(Side.Sell, 4290m, 0.01m) };

        var plan = RequotePlanner.Plan(M(quote), orders, TestStrategies.Eth, Cloids.Next);

        Assert.DoesNotContain(plan.Modifies, m => m.Replacement.Side == Side.Sell);
        Assert.Same(orders[1], Assert.Single(plan.Cancels));
        var cross = Assert.Single(plan.Places);
        Assert.Equal((Side.Sell, 4285.4m, TimeInForce.Gtc, true), (cross.Side, cross.Price, cross.Tif, cross.ReduceOnly));
        Assert.Equal(quote.Ask.Size, cross.Size);
        Assert.Equal(Side.Buy, Assert.Single(plan.Modifies).Replacement.Side);
    }

    private static ManagedOrder[] Ladder(decimal[] bids, decimal[] asks) =>
        [.. bids.Select(p => Resting(Side.Buy, p, 0.01m)), .. asks.Select(p => Resting(Side.Sell, p, 0.01m))];

    [Fact]
    public void Plan_Amend_Ladder_KeepsEveryLevelWithinTolerance()
    {
        // The ladder quotes 4283.3 / 4281.2 / 4279.0 and 4287.7 / 4289.8 / 4292.0 (LadderModelTests); resting orders
        // 0.1 away (0.23 bps at 4285.5, under the 1 bps tolerance), given out of order, are all kept.
        var orders = Ladder([4279.1m, 4283.3m, 4281.1m], [4292.0m, 4287.7m, 4289.9m]);
        var plan = RequotePlanner.Plan(Model.LadderModelTests.Quote(), orders, Model.LadderModelTests.Ladder(), Cloids.Next);
        Assert.True(plan.IsEmpty);
        Assert.Equal(6, plan.Kept);
    }

    [Fact]
    public void Plan_Amend_Ladder_ShiftedMarket_ModifiesEachLevelIntoTheNearestOpenOrder()
    {
        // Every resting order 1.0 away (2.3 bps at 4285.5, beyond the 1 bps tolerance): three modifies a side, level i
        // taking the i-th nearest open order; no cancels, no new orders.
        var orders = Ladder([4282.3m, 4280.2m, 4278.0m], [4286.7m, 4288.8m, 4291.0m]);
        var plan = RequotePlanner.Plan(Model.LadderModelTests.Quote(), orders, Model.LadderModelTests.Ladder(), Cloids.Next);
        Assert.Equal(6, plan.Modifies.Count);
        Assert.Empty(plan.Cancels);
        Assert.Empty(plan.Places);
        var bids = plan.Modifies.Where(m => m.Replacement.Side == Side.Buy).ToList();
        Assert.Equal([(4282.3m, 4283.3m), (4280.2m, 4281.2m), (4278.0m, 4279.0m)], bids.Select(m => (m.Target.Price, m.Replacement.Price)));
    }

    [Fact]
    public void Plan_Amend_Ladder_UnevenCounts_PlacesMissingAndCancelsExtras()
    {
        // Bids: two resting (one kept at 4283.3, one modified into 4281.2), the third level is placed new.
        // Asks: four resting for three levels: three kept, the farthest (4300) cancelled.
        var orders = Ladder([4283.3m, 4270m], [4287.7m, 4289.8m, 4292.0m, 4300m]);
        var plan = RequotePlanner.Plan(Model.LadderModelTests.Quote(), orders, Model.LadderModelTests.Ladder(), Cloids.Next);
        Assert.Equal(4, plan.Kept);
        var modify = Assert.Single(plan.Modifies);
        Assert.Equal((4270m, 4281.2m), (modify.Target.Price, modify.Replacement.Price));
        var place = Assert.Single(plan.Places);
        Assert.Equal((Side.Buy, 4279.0m), (place.Side, place.Price));
        Assert.Equal(4300m, Assert.Single(plan.Cancels).Price);
    }

    [Fact]
    public void Plan_Replace_Ladder_CancelsAllAndPlacesEveryLevel()
    {
        var replace = Model.LadderModelTests.Ladder() with { RequoteMode = RequoteMode.Replace };
        var orders = Ladder([4283.3m], [4287.7m]);
        var plan = RequotePlanner.Plan(Model.LadderModelTests.Quote(), orders, replace, Cloids.Next);
        Assert.Equal(2, plan.Cancels.Count);
        Assert.Equal(6, plan.Places.Count);
        Assert.Equal(8, plan.RequestCost);
    }

    [Fact]
    public void Plan_Amend_LevelsAtTheCap_AreNotPlaced()
    {
        // Long 0.18: the third bid level is at the cap (size 0): two bids planned, nothing for the third.
        var plan = RequotePlanner.Plan(Model.LadderModelTests.Quote(position: 0.18m), [], Model.LadderModelTests.Ladder(), Cloids.Next);
        Assert.Equal(2, plan.Places.Count(p => p.Side == Side.Buy));
        Assert.Equal(3, plan.Places.Count(p => p.Side == Side.Sell));
    }
}
