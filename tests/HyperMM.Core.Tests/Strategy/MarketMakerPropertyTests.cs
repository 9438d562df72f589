using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HyperMM.Core.Primitives;
using HyperMM.Core.Strategy;
using HyperMM.Core.Trading;
using HyperMM.TestSupport;

namespace HyperMM.Core.Tests.Strategy;

/// <summary>Fill pressure over random timelines of gaps and fills.</summary>
public class MarketMakerPropertyTests
{
    private const long Start = 1_757_015_216_000;

    [Property(MaxTest = 500)]
    public Property FillPressure_OnlyAfterTheTargetWithoutAFill_AndResetByEachFill()
    {
        // A timeline: steps of 0.1 .. 20 s, each with a 30 % chance of a fill at its end.
        var steps = Gen.ListOf(Gen.Zip(Gen.Choose(100, 20_000), Gen.Choose(0, 99)), 40);
        return Prop.ForAll(Arb.From(steps), timeline =>
        {
            var maker = new MarketMaker(TestStrategies.Eth, TestStrategies.EthSpec, new CloidFactory("mm_eth_perp", 1), Start);
            long now = Start;
            long lastFill = Start;
            long tid = 1;
            foreach (var (stepMs, dice) in timeline)
            {
                now += stepMs;
                if (dice < 30)
                {
                    var fill = new Fill(new Coin("ETH"), tid++, new OrderId(1), null, Side.Buy, 4000m, 0.001m, 0m, now, false, 0m, 0m, null);
                    maker.OnFill(fill, now);
                    lastFill = now;
                }

                var stage = maker.PressureStage(now);
                var quiet = (now - lastFill) / 1000.0;
                if ((stage > 0) != (quiet >= TestStrategies.Eth.As().TargetFillSeconds))
                {
                    return false;
                }
            }

            return true;
        });
    }
}
