using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using static HyperMM.Simulation.Tests.Matching.EngineHarness;

namespace HyperMM.Simulation.Tests.Matching;

/// <summary>Invariants of the engine over random order flow from three accounts on ETH (no outside market).</summary>
public sealed class MatchingEnginePropertyTests
{
    public sealed record Op(int Account, bool Buy, int PriceTicks, int SizeLots, int Tif, bool ReduceOnly, bool Cancel);

    private static Arbitrary<Op[]> Flows()
    {
        var op =
            from account in Gen.Choose(1, 3)
            from buy in Gen.Elements(true, false)
            from ticks in Gen.Choose(-10, 10)
            from lots in Gen.Choose(50, 3000)                // 0.005 .. 0.3 ETH at 0.0001 lots (>= $10 at 2000)
            from tif in Gen.Choose(0, 2)
            from reduce in Gen.Frequency((1, Gen.Constant(true)), (5, Gen.Constant(false)))
            from cancel in Gen.Frequency((1, Gen.Constant(true)), (6, Gen.Constant(false)))
            select new Op(account, buy, ticks, lots, tif, reduce, cancel);
        return Arb.From(op.ArrayOf());
    }

    [Property(MaxTest = 300)]
    public Property Books_never_cross_positions_net_to_zero_and_fees_follow_the_rates() => Prop.ForAll(Flows(), ops =>
    {
        var h = new EngineHarness();
        for (var i = 1; i <= 3; i++)
        {
            h.Funded(i, 1_000_000m);
        }

        foreach (var op in ops)
        {
            var account = Account(op.Account);
            if (op.Cancel)
            {
                foreach (var open in h.Engine.GetOpenOrders(account).Take(1))
                {
                    Assert.True(h.Engine.Cancel(account, Eth, open.OrderId).Success);
                }

                continue;
            }

            var price = 2000m + (op.PriceTicks * 0.1m);
            h.Place(account, op.Buy ? Side.Buy : Side.Sell, price, op.SizeLots * 0.0001m, (TimeInForce)op.Tif, op.ReduceOnly);

            // 1. the book is never crossed after an order has been processed
            var top = h.Engine.GetTopOfBook(Eth);
            Assert.True(top.BidPrice == 0m || top.AskPrice == 0m || top.BidPrice < top.AskPrice, $"crossed {top}");
        }

        // 2. every fill has a counterparty: positions sum to zero, and each account's position is the sum of its fills
        var positions = Enumerable.Range(1, 3).Select(i => h.Engine.GetPosition(Account(i), Eth).Size).ToList();
        Assert.Equal(0m, positions.Sum());
        for (var i = 1; i <= 3; i++)
        {
            var fills = h.Engine.GetFills(Account(i));
            Assert.Equal(positions[i - 1], fills.Sum(f => f.Side == Side.Buy ? f.Size : -f.Size));

            // 3. fees: taker 0.045 %, maker 0.015 % of notional, rounded to 6 decimals
            Assert.All(fills, f => Assert.Equal(decimal.Round(f.Price * f.Size * (f.Crossed ? 0.00045m : 0.00015m), 6, MidpointRounding.AwayFromZero), f.Fee));
        }

        // 4. one maker and one taker per trade id
        var all = Enumerable.Range(1, 3).SelectMany(i => h.Engine.GetFills(Account(i))).GroupBy(f => f.TradeId).ToList();
        Assert.All(all, g => Assert.Equal([false, true], g.Select(f => f.Crossed).Order()));
    });
}
