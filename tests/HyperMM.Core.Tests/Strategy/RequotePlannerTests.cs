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
        var q = QuoteEngine.Compute(new QuoteInputs(new TopOfBook(4285.4m, 1m, 4285.6m, 1m), 0m, 0m, 0m, 48.6, 0), TestStrategies.Eth, TestStrategies.EthSpec);
        return q with { Bid = q.Bid with { Price = bid }, Ask = q.Ask with { Price = ask } };
    }

    private static ManagedOrder Resting(Side side, decimal price, decimal size, TimeInForce tif = TimeInForce.Alo) =>
        new(Cloids.Next(), side, price, size, tif, false, 0) { State = ManagedOrderState.Resting, OrderId = new OrderId(7) };

    [Fact]
    public void Plan_Amend_KeepsOrdersWithinTolerance()
    {
        // 0.1 away at 4285.5 is 0.23 bps < 1 bps tolerance; sizes equal.
        var orders = new[] { Resting(Side.Buy, 4283.8m, 0.01m), Resting(Side.Sell, 4287.2m, 0.01m) };
        var plan = RequotePlanner.Plan(Quote(), orders, TestStrategies.Eth, Cloids.Next);
        Assert.True(plan.IsEmpty);
        Assert.Equal(2, plan.Kept);
    }

    [Fact]
    public void Plan_Amend_ModifiesWhenPriceMovedBeyondTolerance()
    {
        // 4283.0 vs 4283.9: 2.1 bps away → modify the bid; the ask stays.
        var orders = new[] { Resting(Side.Buy, 4283.0m, 0.01m), Resting(Side.Sell, 4287.1m, 0.01m) };
        var plan = RequotePlanner.Plan(Quote(), orders, TestStrategies.Eth, Cloids.Next);
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
        var plan = RequotePlanner.Plan(Quote(), orders, TestStrategies.Eth, Cloids.Next);
        Assert.Single(plan.Modifies);
    }

    [Fact]
    public void Plan_Amend_CancelsExtrasAndUnquotedSides()
    {
        var q = Quote();
        q = q with { Ask = q.Ask with { Size = 0m, Status = SideQuoteStatus.AtCap } };
        var orders = new[] { Resting(Side.Buy, 4283.9m, 0.01m), Resting(Side.Buy, 4280m, 0.01m), Resting(Side.Sell, 4287.1m, 0.01m) };
        var plan = RequotePlanner.Plan(q, orders, TestStrategies.Eth, Cloids.Next);
        Assert.Equal(1, plan.Kept);
        Assert.Equal(2, plan.Cancels.Count);
        Assert.Contains(orders[1], plan.Cancels);
        Assert.Contains(orders[2], plan.Cancels);
    }

    [Fact]
    public void Plan_Amend_TifChangeForcesAModify()
    {
        var orders = new[] { Resting(Side.Buy, 4283.9m, 0.01m, TimeInForce.Gtc) };
        var plan = RequotePlanner.Plan(Quote(), orders, TestStrategies.Eth, Cloids.Next);
        Assert.Equal(TimeInForce.Alo, Assert.Single(plan.Modifies).Replacement.Tif);
    }

    [Fact]
    public void Plan_Replace_CancelsEverythingAndPlacesFresh()
    {
        var replace = TestStrategies.Eth with { RequoteMode = RequoteMode.Replace };
        var orders = new[] { Resting(Side.Buy, 4283.9m, 0.01m), Resting(Side.Sell, 4287.1m, 0.01m) };
        var plan = RequotePlanner.Plan(Quote(), orders, replace, Cloids.Next);
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
        var quote = QuoteEngine.Compute(new QuoteInputs(new TopOfBook(4285.4m, 1m, 4285.6m, 1m), 0.1m, 0m, 0m, 48.6, 3), TestStrategies.Eth, TestStrategies.EthSpec);
        Assert.True(quote.Ask.Crosses && quote.Ask.ReduceOnly && quote.Ask.IsQuoted);
        Assert.Equal(4285.4m, quote.Ask.Price);
        var orders = new[] { Resting(Side.Buy, 4270m, 0.005m), Resting(Side.Sell, 4290m, 0.01m) };

        var plan = RequotePlanner.Plan(quote, orders, TestStrategies.Eth, Cloids.Next);

        Assert.DoesNotContain(plan.Modifies, m => m.Replacement.Side == Side.Sell);
        Assert.Same(orders[1], Assert.Single(plan.Cancels));
        var cross = Assert.Single(plan.Places);
        Assert.Equal((Side.Sell, 4285.4m, TimeInForce.Gtc, true), (cross.Side, cross.Price, cross.Tif, cross.ReduceOnly));
        Assert.Equal(quote.Ask.Size, cross.Size);
        Assert.Equal(Side.Buy, Assert.Single(plan.Modifies).Replacement.Side);
    }
}
