using HyperMM.Core.Market;
using HyperMM.Core.Model;
using HyperMM.Core.Primitives;
using HyperMM.TestSupport;

namespace HyperMM.Core.Tests.Model;

/// <summary>The ladder model: N orders per side through the seam, the shared venue helpers and the cap counting nearer levels.</summary>
public class LadderModelTests
{
    private static readonly TopOfBook EthTop = new(4285.4m, 1m, 4285.6m, 1m);

    internal static StrategyParameters Ladder(int levels = 3) =>
        TestStrategies.Eth with { Model = new ModelParameters(LadderModel.Definition, new Dictionary<string, double> { ["ladder_levels"] = levels }) };

    internal static ModelQuote Quote(decimal position = 0m, decimal unsettledBid = 0m, int levels = 3) =>
        Ladder(levels).CreateModel(TestStrategies.EthSpec)
            .Quote(new QuoteContext(EthTop, null, position, unsettledBid, 0m, new MarketStatistics(48.6, 0.81), 0.0, 0));

    [Fact]
    public void Flat_ThreeLevelsPerSide_RoundedAwayFromTheMid()
    {
        // mid 4285.5; levels at 5, 10, 15 bps: 4285.5 × (1 ∓ 0.0005 / 0.0010 / 0.0015) = 4283.357 / 4281.215 / 4279.072
        // (bids, rounded down to the 0.1 tick) and 4287.643 / 4289.786 / 4291.928 (asks, rounded up).
        var q = Quote();
        Assert.Equal([4283.3m, 4281.2m, 4279.0m], q.OnSide(Side.Buy).Select(o => o.Price));
        Assert.Equal([4287.7m, 4289.8m, 4292.0m], q.OnSide(Side.Sell).Select(o => o.Price));
        Assert.Equal([0, 1, 2], q.OnSide(Side.Buy).Select(o => o.Level));
        Assert.All(q.Orders, o => Assert.Equal((0.01m, TimeInForce.Alo, SideQuoteStatus.Quoted), (o.Size, o.Tif, o.Status)));
        Assert.Equal(10.0, q.SpreadBps);
    }

    [Fact]
    public void TheCapCountsTheNearerLevels()
    {
        // Long 0.18 of a 0.2 cap: bids may add 0.02, so two 0.01 levels fit and the third is at the cap.
        var q = Quote(position: 0.18m);
        Assert.Equal([SideQuoteStatus.Quoted, SideQuoteStatus.Quoted, SideQuoteStatus.AtCap], q.OnSide(Side.Buy).Select(o => o.Status));
        Assert.All(q.OnSide(Side.Sell), o => Assert.Equal(0.01m, o.Size));

        // An unsettled 0.01 bid (sent, unanswered) may be on the book: one level fewer.
        var withUnsettled = Quote(position: 0.18m, unsettledBid: 0.01m);
        Assert.Equal(1, withUnsettled.OnSide(Side.Buy).Count(o => o.IsQuoted));
    }

    [Fact]
    public void NoMarket_NoOrders()
    {
        var q = Ladder().CreateModel(TestStrategies.EthSpec).Quote(new QuoteContext(default, null, 0m, 0m, 0m, new MarketStatistics(48.6, 0.81), 0.0, 0));
        Assert.Empty(q.Orders);
        Assert.Equal(0m, q.Mid);
    }

    [Fact]
    public void Registry_FindsEveryModelByName()
    {
        Assert.Same(AvellanedaStoikovModel.Definition, QuotingModels.Find("avellaneda_stoikov"));
        Assert.Same(LadderModel.Definition, QuotingModels.Find("ladder"));
        Assert.Same(AvellanedaStoikovModel.Definition, QuotingModels.Default);
        Assert.Same(GlftModel.Definition, QuotingModels.Find("glft"));
        Assert.Null(QuotingModels.Find("grid"));
    }
}
