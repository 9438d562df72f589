using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HyperMM.Core.Instruments;
using HyperMM.Core.Market;
using HyperMM.Core.Model;
using HyperMM.TestSupport;

namespace HyperMM.Core.Tests.Model;

/// <summary>Invariants of the quote over random books, positions, resting orders, volatility and pressure stages.</summary>
public class QuoteEnginePropertyTests
{
    public sealed record QuoteCase(int StrategyIndex, decimal Mid, int BookTicks, decimal Position, decimal UnsettledBid, decimal UnsettledAsk, double Sigma2, int Stage)
    {
        public StrategyParameters Strategy => TestStrategies.All[StrategyIndex];

        public InstrumentSpec Spec => TestStrategies.SpecFor(Strategy);

        public TopOfBook Top
        {
            get
            {
                var bid = Spec.RoundPrice(Mid, RoundingDirection.Down);
                var ask = bid;
                for (var i = 0; i < BookTicks; i++)
                {
                    ask = Spec.RoundPrice(ask + Spec.TickAt(ask), RoundingDirection.Up);
                }

                return new TopOfBook(bid, 1m, ask, 1m);
            }
        }

        public QuoteResult Quote() =>
            QuoteEngine.Compute(new QuoteInputs(Top, Position, UnsettledBid, UnsettledAsk, Sigma2, Stage), Strategy.As(), Spec);
    }

    private static Arbitrary<QuoteCase> Cases()
    {
        var gen =
            from s in Gen.Choose(0, 2)
            from midCents in Gen.Choose(100, 20_000_000)                 // $1 .. $200,000
            from ticks in Gen.Choose(1, 30)
            from posPermille in Gen.Choose(-1500, 1500)                  // -1.5 .. +1.5 × cap
            from rbPermille in Gen.Choose(0, 1200)
            from raPermille in Gen.Choose(0, 1200)
            from sigmaCenti in Gen.Choose(1, 500_000)                    // 0.01 .. 5,000 bps²
            from stage in Gen.Choose(0, 3)
            let p = TestStrategies.All[s]
            let spec = TestStrategies.SpecFor(p)
            select new QuoteCase(
                s,
                midCents / 100m,
                ticks,
                spec.RoundSizeDown(p.MaxAbsPosition * posPermille / 1000m),
                spec.RoundSizeDown(p.MaxAbsPosition * rbPermille / 1000m),
                spec.RoundSizeDown(p.MaxAbsPosition * raPermille / 1000m),
                sigmaCenti / 100.0,
                stage);
        return Arb.From(gen);
    }

    [Property(MaxTest = 2000)]
    public Property BidBelowAskAfterRounding() => Prop.ForAll(Cases(), c =>
    {
        var q = c.Quote();
        return q.Bid.Price < q.Ask.Price;
    });

    [Property(MaxTest = 2000)]
    public Property ModelPricesBracketTheReservation() => Prop.ForAll(Cases(), c =>
    {
        var q = c.Quote();
        return q.Bid.ModelPrice <= q.ReservationPrice && q.ReservationPrice <= q.Ask.ModelPrice;
    });

    [Property(MaxTest = 2000)]
    public Property SpreadInsideBoundsOutsideFillPressure() => Prop.ForAll(Cases(), c =>
    {
        var q = (c with { Stage = 0 }).Quote();
        return q.SpreadBps >= c.Strategy.As().MinSpreadBps && q.SpreadBps <= c.Strategy.As().MaxSpreadBps;
    });

    [Property(MaxTest = 2000)]
    public Property PricesAndSizesAreValidForTheCoin() => Prop.ForAll(Cases(), c =>
    {
        var q = c.Quote();
        var spec = c.Spec;
        bool SizeOk(SideQuote s) => s.Size == 0m || (spec.IsValidSize(s.Size) && spec.MeetsMinNotional(s.Price, s.Size));
        return spec.IsValidPrice(q.Bid.Price) && spec.IsValidPrice(q.Ask.Price) && SizeOk(q.Bid) && SizeOk(q.Ask);
    });

    [Property(MaxTest = 2000)]
    public Property NoOrderPassesTheCapCountingRestingOrders() => Prop.ForAll(Cases(), c =>
    {
        var q = c.Quote();
        var max = c.Strategy.MaxAbsPosition;
        var bidOk = q.Bid.Size == 0m || c.Position + c.UnsettledBid + q.Bid.Size <= max;
        var askOk = q.Ask.Size == 0m || c.Position - c.UnsettledAsk - q.Ask.Size >= -max;
        var atMaxNoBid = c.Position < max || q.Bid.Size == 0m;
        var atMinNoAsk = c.Position > -max || q.Ask.Size == 0m;
        return bidOk && askOk && atMaxNoBid && atMinNoAsk;
    });

    [Property(MaxTest = 2000)]
    public Property LongInventory_ReservationBelowMidAndBidNotBiggerThanAsk() => Prop.ForAll(Cases(), c =>
    {
        var q = (c with { UnsettledBid = 0m, UnsettledAsk = 0m }).Quote();
        if (c.Position <= 0m)
        {
            return true;
        }

        return q.ReservationPrice < q.Mid && q.Bid.ModelSize <= q.Ask.ModelSize && q.Bid.Size <= q.Ask.Size;
    });

    [Property(MaxTest = 1000)]
    public Property OnlyTheLastPressureStageCrosses_AndOnlyToReduce() => Prop.ForAll(Cases(), c =>
    {
        var q = c.Quote();
        var crossOk = !q.Bid.Crosses || (c.Stage == 3 && c.Position < 0m && q.Bid.ReduceOnly && q.Bid.Size <= -c.Position);
        var crossOk2 = !q.Ask.Crosses || (c.Stage == 3 && c.Position > 0m && q.Ask.ReduceOnly && q.Ask.Size <= c.Position);
        var tifOk = c.Stage == 0 ? q.Bid.Tif == Primitives.TimeInForce.Alo : q.Bid.Tif == Primitives.TimeInForce.Gtc;
        return crossOk && crossOk2 && tifOk;
    });
}
