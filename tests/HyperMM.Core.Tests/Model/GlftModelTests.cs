using HyperMM.Core.Market;
using HyperMM.Core.Model;
using HyperMM.Core.Primitives;
using HyperMM.TestSupport;

namespace HyperMM.Core.Tests.Model;

/// <summary>The GLFT model through the seam: hand-worked prices, skew direction, the fill-pressure switch, the micro-price centre.</summary>
public class GlftModelTests
{
    private static readonly TopOfBook EthTop = new(4285.4m, 1m, 4285.6m, 1m);

    /// <summary>ETH's sizes and cap (0.01, 0.2) with γ 0.1, κ 1, A 1 per s: the first hand calculation of <see cref="GlftTests"/>.</summary>
    internal static StrategyParameters Glft(params (string Key, double Value)[] extra)
    {
        var values = new Dictionary<string, double> { ["gamma"] = 0.1, ["kappa"] = 1.0, ["a_per_s"] = 1.0 };
        foreach (var (key, value) in extra)
        {
            values[key] = value;
        }

        return TestStrategies.Eth with { Model = new ModelParameters(GlftModel.Definition, values) };
    }

    private static ModelQuote Quote(StrategyParameters strategy, decimal position = 0m, double secondsWithoutFill = 0.0, TopOfBook? top = null) =>
        strategy.CreateModel(TestStrategies.EthSpec)
            .Quote(new QuoteContext(top ?? EthTop, null, position, 0m, 0m, new MarketStatistics(60.0, 1.0), secondsWithoutFill, 0));

    [Fact]
    public void Flat_QuotesTheHalfSpreadEachSideOfTheMid()
    {
        // σ = sqrt(1 bps²/s) = 1; half spread c1 + c2·σ/2 = 0.953102 + 0.188849 = 1.141951 bps (GlftTests).
        // mid 4285.5: bid 4285.5 × (1 − 1.141951e-4) = 4285.010617 → 4285.0 (down); ask 4285.989383 → 4286.0 (up).
        var q = Quote(Glft());
        var bid = q.Nearest(Side.Buy)!.Value;
        var ask = q.Nearest(Side.Sell)!.Value;
        Assert.Equal(4285.010617m, decimal.Round(bid.ModelPrice, 6));
        Assert.Equal(4285.989383m, decimal.Round(ask.ModelPrice, 6));
        Assert.Equal((4285.0m, 4286.0m), (bid.Price, ask.Price));
        Assert.Equal((0.01m, 0.01m), (bid.Size, ask.Size));
        Assert.Equal((TimeInForce.Alo, TimeInForce.Alo), (bid.Tif, ask.Tif));
        Assert.Equal(2.283902, q.SpreadBps, 6);
        Assert.Equal(0, q.Stage);
        Assert.Equal(1.141951, q.Term("halfSpreadBps")!.Value.Value, 6);
    }

    [Fact]
    public void LongThreeOrders_LeansBothPricesDown()
    {
        // q = 0.03 / 0.01 = 3 orders; skew c2·σ = 0.377698 bps per order → centre −1.133094 bps.
        // bid = −1.133094 − 1.141951 = −2.275045 bps → 4284.525029 → 4284.5; ask = +0.008857 bps → 4285.503796, at
        // least best bid + tick (4285.5) → rounded up 4285.6. Sizes stay the order size: GLFT skews prices, not sizes.
        var q = Quote(Glft(), position: 0.03m);
        var bid = q.Nearest(Side.Buy)!.Value;
        var ask = q.Nearest(Side.Sell)!.Value;
        Assert.Equal(4284.525029m, decimal.Round(bid.ModelPrice, 6));
        Assert.Equal(4285.503796m, decimal.Round(ask.ModelPrice, 6));
        Assert.Equal((4284.5m, 4285.6m), (bid.Price, ask.Price));
        Assert.Equal(-1.133094, q.FairValueOffsetBps, 5);
        Assert.Equal((0.01m, 0.01m), (bid.Size, ask.Size));
        Assert.Equal(0.15, q.Q, 12); // cap fraction 0.03 / 0.2

        var flat = Quote(Glft());
        Assert.True(bid.ModelPrice < flat.Nearest(Side.Buy)!.Value.ModelPrice && ask.ModelPrice < flat.Nearest(Side.Sell)!.Value.ModelPrice);
    }

    [Fact]
    public void FillPressure_IsOffByDefault_AndFollowsTheScheduleWhenTurnedOn()
    {
        var off = Glft().CreateModel(TestStrategies.EthSpec);
        Assert.Equal(0, off.PressureStage(1_000.0));
        Assert.Equal(Quote(Glft()).SpreadBps, Quote(Glft(), secondsWithoutFill: 1_000.0).SpreadBps, 12);

        // pressure_max_steps 3: the seed's schedule (30 s target, a stage per 10 s, × 0.75 each): 52 s → stage 3,
        // spread 2.283902 × 0.421875 = 0.963521 → floored at pressure_min_spread_bps 1.0; Gtc; long 0.1 (q 0.5 of the
        // cap ≥ 0.25) → the ask crosses at the best bid, reduce-only, sized at most the position.
        var on = Glft(("pressure_max_steps", 3));
        var q = Quote(on, position: 0.1m, secondsWithoutFill: 52.0);
        Assert.Equal(3, q.Stage);
        Assert.Equal(1.0, q.SpreadBps, 12);
        var ask = q.Nearest(Side.Sell)!.Value;
        Assert.Equal((4285.4m, true, true, TimeInForce.Gtc), (ask.Price, ask.Crosses, ask.ReduceOnly, ask.Tif));
    }

    [Fact]
    public void MicroPriceCentre_MovesTheQuoteByTheTableOffset()
    {
        // One tick (4285.4 / 4285.5), bid 90 vs ask 10: I = 0.9, bucket 5 of 5, G = +0.4 tick.
        // offset = 0.4 × 0.1 / 4285.45 × 10⁴ = 0.093339 bps; bid model = 4285.45 × (1 + (0.093339 − 1.141951)/10⁴)
        // = 4285.000623 (4285.45 × (1 − 1.141951e-4) = 4284.960623 when centred on the mid).
        var table = MicroPriceTable.Create([[-0.4, -0.2, 0.0, 0.2, 0.4]]);
        var top = new TopOfBook(4285.4m, 90m, 4285.5m, 10m);
        var micro = Quote(Glft() with { FairValue = FairValue.OfMicroPrice(table) }, top: top);
        var mid = Quote(Glft(), top: top);

        Assert.Equal(4285.000623m, decimal.Round(micro.Nearest(Side.Buy)!.Value.ModelPrice, 6));
        Assert.Equal(4284.960623m, decimal.Round(mid.Nearest(Side.Buy)!.Value.ModelPrice, 6));
        Assert.Equal(0.093339, micro.FairValueOffsetBps, 6);
        Assert.Equal(0.093339, micro.Term("fairValueBps")!.Value.Value, 6);
        Assert.Equal(0.4, micro.Term("microPriceTicks")!.Value.Value, 12);
        Assert.Null(mid.Term("fairValueBps"));
    }

    [Fact]
    public void MicroPriceCentre_ShiftsTheSeedModelsReservationByTheSameOffset()
    {
        // Any model: the Avellaneda-Stoikov reservation leans from the fair value. Same book, same offset 0.093339 bps.
        var table = MicroPriceTable.Create([[-0.4, -0.2, 0.0, 0.2, 0.4]]);
        var top = new TopOfBook(4285.4m, 90m, 4285.5m, 10m);
        var asMid = Quote(TestStrategies.Eth, position: 0.05m, top: top);
        var asMicro = Quote(TestStrategies.Eth with { FairValue = FairValue.OfMicroPrice(table) }, position: 0.05m, top: top);
        Assert.Equal(asMid.FairValueOffsetBps + 0.093339, asMicro.FairValueOffsetBps, 6);
        Assert.Equal(asMid.SpreadBps, asMicro.SpreadBps, 12);
    }

    [Fact]
    public void NoMarket_QuotesNothing()
    {
        var q = Quote(Glft(), top: new TopOfBook(0m, 0m, 4285.6m, 1m));
        Assert.All(q.Orders, o => Assert.Equal(SideQuoteStatus.NoMarket, o.Status));
        Assert.DoesNotContain(q.Orders, o => o.IsQuoted);
    }
}
