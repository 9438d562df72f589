using HyperMM.Core.Market;
using HyperMM.Core.Primitives;

namespace HyperMM.Core.Tests.Market;

public class TradeArrivalEstimatorTests
{
    private static readonly Coin Eth = new("ETH");

    private static Trade Buy(long timeMs, double depthBps, long tid) =>
        new(Eth, timeMs, Side.Buy, decimal.Round(1000m * (decimal)(1.0 + (depthBps / 10_000.0)), 6), 1m, tid);

    [Fact]
    public void ExponentialDepths_GiveBackTheirAAndKappa()
    {
        // 3000 taker orders in 300 s whose depths follow P(depth >= d) = exp(-0.5 d) (quantiles of the exponential):
        // lambda(d) = 3000 · exp(-0.5 d) / (2 sides × 300 s) = 5 · exp(-0.5 d) per second per side: A = 5, kappa = 0.5.
        var estimator = new TradeArrivalEstimator();
        const int N = 3000;
        for (var i = 0; i < N; i++)
        {
            var depth = -Math.Log(1.0 - ((i + 0.5) / N)) / 0.5;
            estimator.OnTrade(Buy(i * 100L, depth, i), 1000m);
        }

        var fit = estimator.Update(300_000, 1.0);
        Assert.NotNull(fit);
        Assert.InRange(fit.KappaPerBps, 0.5 * 0.95, 0.5 * 1.05);
        Assert.InRange(fit.APerSecond, 5.0 * 0.9, 5.0 * 1.1);
    }

    [Fact]
    public void Advance_DoesNotFit_TheStatisticFitsWhenAModelReadsIt()
    {
        // The exponential depths of the test above: a fit is possible, but only a reader of the statistic makes one.
        var estimator = new TradeArrivalEstimator();
        const int N = 3000;
        for (var i = 0; i < N; i++)
        {
            estimator.OnTrade(Buy(i * 100L, -Math.Log(1.0 - ((i + 0.5) / N)) / 0.5, i), 1000m);
        }

        estimator.Advance(300_000, 1.0);
        Assert.Null(estimator.Current);
        var market = new Core.Model.MarketStatistics(1.0, 1.0, estimator);
        var fit = market.TradeArrival;
        Assert.NotNull(fit);
        Assert.Same(fit, estimator.Current);
        Assert.InRange(fit.KappaPerBps, 0.5 * 0.95, 0.5 * 1.05);
    }

    [Fact]
    public void PrintsOfOneTakerOrder_CountOnce_AtTheirDeepestDepth()
    {
        var estimator = new TradeArrivalEstimator();
        estimator.OnTrade(Buy(1_000, 1.0, 1), 1000m);
        estimator.OnTrade(Buy(1_000, 3.0, 2), 1000m); // same ms, same side: the same taker order, 3 bps deep
        estimator.OnTrade(Buy(2_000, 2.0, 3), 1000m);
        estimator.OnTrade(Buy(2_500, 2.0, 4), 0m); // no mid yet: ignored
        Assert.Equal(2, estimator.Count);
    }

    [Fact]
    public void OrdersOlderThanTheWindow_AreDropped()
    {
        var estimator = new TradeArrivalEstimator(windowMs: 10_000);
        estimator.OnTrade(Buy(1_000, 1.0, 1), 1000m);
        estimator.OnTrade(Buy(2_000, 1.0, 2), 1000m);
        estimator.OnTrade(Buy(30_000, 1.0, 3), 1000m);
        estimator.Update(35_000, 1.0);
        Assert.Equal(1, estimator.Count);
        Assert.Null(estimator.Current); // far too few orders for a fit
    }
}
