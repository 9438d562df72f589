using HyperMM.Core.Instruments;
using HyperMM.Core.Market;
using HyperMM.Core.Model;
using HyperMM.Core.Primitives;
using HyperMM.TestSupport;

namespace HyperMM.Core.Tests.Model;

/// <summary>QuoteEngine on hand-worked ETH examples (szDecimals 4: tick 0.1 at 4285).</summary>
public class QuoteEngineTests
{
    private static readonly TopOfBook EthTop = new(4285.4m, 3m, 4285.6m, 3m); // mid 4285.5
    private const double EthPriorSigma2 = 0.9 * 0.9 * 60; // 48.6 bps²

    private static QuoteResult Eth(decimal position, decimal restingBid = 0m, decimal restingAsk = 0m, int stage = 0, TopOfBook? top = null, double sigma2 = EthPriorSigma2) =>
        QuoteEngine.Compute(new QuoteInputs(top ?? EthTop, position, restingBid, restingAsk, sigma2, stage), TestStrategies.Eth.As(), TestStrategies.EthSpec);

    [Fact]
    public void Compute_FlatEth_HandWorkedPricesAndSizes()
    {
        var q = Eth(0m);
        // raw = 0.12 × 48.6 + 16.6667 × ln(1.08) = 5.832 + 1.282684 = 7.114684 bps (inside [5, 90]); half = 3.557342.
        Assert.Equal(7.114684, q.RawSpreadBps, 5);
        Assert.Equal(q.RawSpreadBps, q.SpreadBps);
        // bid model = 4285.5 × (1 − 3.557342e-4) = 4283.9755; rounded down to the 0.1 tick → 4283.9.
        Assert.Equal(4283.9755m, decimal.Round(q.Bid.ModelPrice, 4));
        Assert.Equal(4283.9m, q.Bid.Price);
        // ask model = 4285.5 × (1 + 3.557342e-4) = 4287.0245; rounded up → 4287.1.
        Assert.Equal(4287.1m, q.Ask.Price);
        Assert.Equal(0.01m, q.Bid.Size);
        Assert.Equal(0.01m, q.Ask.Size);
        Assert.Equal(TimeInForce.Alo, q.Bid.Tif);
    }

    [Fact]
    public void Compute_LongAtCap_NoBidBiggerAskReservationBelowMid()
    {
        var q = Eth(0.20m);
        Assert.Equal(1.0, q.Q);
        Assert.Equal(-0.12 * EthPriorSigma2, q.ReservationBps, 9); // -5.832 bps
        Assert.True(q.ReservationPrice < q.Mid);
        Assert.Equal(SideQuoteStatus.AtCap, q.Bid.Status);
        Assert.Equal(0m, q.Bid.Size);
        // ask = 0.01 × e^1 = 0.0271828 → 0.0271 (lot 0.0001, rounded down); room: 0.2 + 0.2 = 0.4.
        Assert.Equal(0.0271m, q.Ask.Size);
    }

    [Fact]
    public void Compute_ShortAtCap_NoAsk()
    {
        var q = Eth(-0.20m);
        Assert.Equal(SideQuoteStatus.AtCap, q.Ask.Status);
        Assert.Equal(0m, q.Ask.Size);
        Assert.True(q.Bid.IsQuoted);
        Assert.True(q.ReservationPrice > q.Mid);
    }

    [Fact]
    public void Compute_RestingBidsCountAgainstTheCap()
    {
        // position 0.15 + resting bids 0.045 leaves 0.005 of room; the skewed bid 0.01 × e^-0.75 = 0.004724 → 0.0047 fits.
        var q = Eth(0.15m, restingBid: 0.045m);
        Assert.Equal(0.0047m, q.Bid.Size);
        Assert.True(0.15m + 0.045m + q.Bid.Size <= 0.20m);

        // With 0.198 already committed only 0.002 is left: worth $8.57 < $10 and the $10 size (0.0024) does not fit.
        var full = Eth(0.15m, restingBid: 0.048m);
        Assert.Equal(SideQuoteStatus.BelowMinNotional, full.Bid.Status);
        Assert.Equal(0m, full.Bid.Size);
    }

    [Fact]
    public void Compute_SideBelowTenDollars_IsRaisedToTheMinimumWhenTheCapAllows()
    {
        // HYPE at $8: the 1.0 base size is worth $8; the bid is raised to the smallest lot worth $10.
        var top = new TopOfBook(7.999m, 100m, 8.001m, 100m);
        var q = QuoteEngine.Compute(new QuoteInputs(top, 0m, 0m, 0m, 375.0, 0), TestStrategies.Hype.As(), TestStrategies.HypeSpec);
        Assert.True(q.Bid.Price * q.Bid.Size >= 10m);
        Assert.True((q.Bid.Size - 0.01m) * q.Bid.Price < 10m); // smallest such lot
        Assert.True(q.Ask.Price * q.Ask.Size >= 10m);
    }

    [Fact]
    public void Compute_TightModelQuotesNeverCrossTheTouch()
    {
        // A wide book (4280 / 4291) and a long position push the model ask below the best bid region only
        // if unchecked; post-only quotes stay at least one tick inside.
        var top = new TopOfBook(4285.4m, 1m, 4285.5m, 1m);
        var q = Eth(0.2m, top: top, sigma2: 900); // reservation clamped to -90 bps: ask model far below the bid
        Assert.True(q.Ask.Price > top.BidPrice);
        Assert.True(q.Bid.Price < top.AskPrice);
        Assert.False(q.Ask.Crosses);
    }

    [Fact]
    public void Compute_FillPressure_TightensGoesGtcAndCrossesAtTheLastStage()
    {
        var normal = Eth(0.1m);
        var stage1 = Eth(0.1m, stage: 1);
        Assert.Equal(normal.ClampedSpreadBps * 0.75, stage1.SpreadBps, 9);
        Assert.Equal(TimeInForce.Gtc, stage1.Ask.Tif);
        Assert.False(stage1.Ask.Crosses);

        // Stage 3 with q = 0.5 ≥ 0.25: the reducing side (ask, since long) goes to the best bid, reduce-only.
        var stage3 = Eth(0.1m, stage: 3);
        Assert.True(stage3.Ask.Crosses);
        Assert.True(stage3.Ask.ReduceOnly);
        Assert.Equal(EthTop.BidPrice, stage3.Ask.Price);
        Assert.True(stage3.Ask.Size <= 0.1m);
        Assert.True(stage3.Bid.Price < stage3.Ask.Price);
        Assert.False(stage3.Bid.Crosses);
    }

    [Fact]
    public void Compute_FillPressure_FlatInventoryNeverCrosses()
    {
        var q = Eth(0m, stage: 3);
        Assert.False(q.Bid.Crosses || q.Ask.Crosses);
        Assert.True(q.SpreadBps >= TestStrategies.Eth.As().FillPressure.MinSpreadBps);
    }

    [Fact]
    public void Compute_OneSidedBook_QuotesNothing()
    {
        var q = Eth(0m, top: new TopOfBook(0m, 0m, 4285.6m, 1m));
        Assert.Equal(SideQuoteStatus.NoMarket, q.Bid.Status);
        Assert.False(q.Bid.IsQuoted || q.Ask.IsQuoted);
    }

    [Fact]
    public void Compute_AllPricesAreValidVenuePrices()
    {
        var q = Eth(0.05m);
        var rules = new HyperliquidPerpRules(4);
        Assert.True(rules.IsValidPrice(q.Bid.Price));
        Assert.True(rules.IsValidPrice(q.Ask.Price));
        Assert.True(rules.IsValidSize(q.Bid.Size));
    }

    [Fact]
    public void Compute_LongWithSmallBid_BidIsNotRaisedToTheMinimum()
    {
        // HYPE at $8, long 6 (q = 0.5): skewed bid 1 × e^-0.5 = 0.61 → $4.8. Raising it would add inventory the
        // skew meant to shed, so the bid is dropped; the ask (1 × e^0.5 = 1.65 → $13) stands.
        var top = new TopOfBook(7.999m, 100m, 8.001m, 100m);
        var q = QuoteEngine.Compute(new QuoteInputs(top, 6m, 0m, 0m, 375.0, 0), TestStrategies.Hype.As(), TestStrategies.HypeSpec);
        Assert.Equal(SideQuoteStatus.BelowMinNotional, q.Bid.Status);
        Assert.Equal(1.64m, q.Ask.Size);
    }
}
