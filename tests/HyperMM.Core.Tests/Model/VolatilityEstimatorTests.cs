using HyperMM.Core.Model;
using HyperMM.TestSupport;

namespace HyperMM.Core.Tests.Model;

public class VolatilityEstimatorTests
{
    // Prior 0.9 bps per √s, 60 prior samples, 1 s sampling, window 300, horizon 60 s.
    private static VolatilityOptions Options => VolatilityOptions.Default(0.9);

    [Fact]
    public void Sigma2Horizon_BeforeAnyData_IsThePrior()
    {
        var est = new VolatilityEstimator(Options);
        Assert.Equal(0.9 * 0.9 * 60, est.Sigma2Horizon, 9); // 48.6 bps²: quoting never waits for data
    }

    [Fact]
    public void VariancePerInterval_KnownReturns_MatchesShrinkageFormula()
    {
        var est = new VolatilityEstimator(Options);
        // Mid alternates 100 / 100.01 once per second: every return is ±ln(1.0001) = ±0.99995 bps.
        for (var i = 0; i <= 101; i++)
        {
            est.Update(i * 1000L, i % 2 == 0 ? 100.0 : 100.01);
        }

        // Slots 0..101 seen; slot 101 is still open, so 100 returns were closed (slot 0 starts the series).
        var r = Math.Log(100.01 / 100.0) * 10_000.0;
        var expected = ((100 * r * r) + (60 * 0.81)) / (100 + 60);
        Assert.Equal(100, est.SampleCount);
        Assert.Equal(expected, est.VariancePerInterval, 9);
    }

    [Fact]
    public void RepeatedMids_NeverGiveZeroVolatility()
    {
        var est = new VolatilityEstimator(Options);
        for (var i = 0; i < 2_000; i++)
        {
            est.Update(i * 1000L, 2500.0);
        }

        // Window full of zero returns: (0 + 60 × 0.81) / (300 + 60) = 0.135 bps² per second, never 0.
        Assert.Equal(300, est.SampleCount);
        Assert.Equal(60 * 0.81 / 360, est.VariancePerInterval, 12);
        Assert.True(est.Sigma2Horizon > 0);
    }

    [Fact]
    public void Gap_ReturnIsSpreadOverTheMissedIntervals()
    {
        var est = new VolatilityEstimator(Options);
        est.Update(0, 100.0);
        est.Update(10_000, 100.1);  // nothing for 10 s (a feed gap)
        est.Update(11_000, 100.1);  // closes the slot at 10 s

        // One 10-interval return r = ln(1.001) = 9.995 bps counts as 10 samples of r²/10 = 9.990 each.
        // Unspread, r² = 99.9 would have been clipped at 25 × 0.81 = 20.25 as an outlier.
        var r = Math.Log(100.1 / 100.0) * 10_000.0;
        Assert.Equal(10, est.SampleCount);
        Assert.Equal(((r * r) + (60 * 0.81)) / 70, est.VariancePerInterval, 9);
    }

    [Fact]
    public void SingleOutlierPrint_MovesTheEstimateByLessThanAQuarter()
    {
        var clean = new VolatilityEstimator(Options);
        var dirty = new VolatilityEstimator(Options);
        for (var i = 0; i < 400; i++)
        {
            var mid = i % 2 == 0 ? 100.0 : 100.01;
            clean.Update(i * 1000L, mid);
            // One bad print: the mid jumps 2 % for one second, then comes back.
            dirty.Update(i * 1000L, i == 350 ? mid * 1.02 : mid);
        }

        // Without clipping the two ±198 bps returns would add 2 × 198² / 360 ≈ 218 bps² to a ~1 bps² estimate.
        Assert.InRange(dirty.VariancePerInterval / clean.VariancePerInterval, 1.0, 1.25);
    }

    [Fact]
    public void Update_IgnoresNonPositiveAndNonFiniteMids()
    {
        var est = new VolatilityEstimator(Options);
        est.Update(0, 100);
        est.Update(1_000, double.NaN);
        est.Update(2_000, 0);
        est.Update(3_000, -5);
        est.Update(4_000, 100);
        est.Update(5_000, 100);
        Assert.Equal(3, est.RejectedMids);
        Assert.Equal(4, est.SampleCount); // slot 0 → 4: one 4-interval zero return spread over 4 samples
    }

    [Fact]
    public void RealRecordedBooks_GiveTheStrategiesTheirPersonalities()
    {
        // Feed the recorded Hyperliquid books (35 minutes, 2025-09-04) through each strategy's estimator and
        // average the clamped spread the model would quote after a 5-minute warm-up.
        var eth = MeanSpreadBps(TestStrategies.Eth, "ETH");
        var btc = MeanSpreadBps(TestStrategies.Btc, "BTC");

        // Independent check (python over the same file): ETH 1 s returns have variance 0.833 bps² per second,
        // sigma2_h = 50 bps² → 0.12 × 50 + 1.283 = 7.28 bps. "ETH near 8 bps":
        Assert.InRange(eth, 6.0, 10.0);
        // BTC 1 s variance 0.164 bps²/s → raw 2.5 bps, clamped to its 4 bps floor: tighter than ETH.
        Assert.InRange(btc, 4.0, 5.0);
        Assert.True(btc < eth);

        // HYPE has no recording: at its prior (2.5 bps per √s) it quotes far wider than both.
        var hypeSigma2 = new VolatilityEstimator(TestStrategies.Hype.Volatility).Sigma2Horizon;
        var hype = AvellanedaStoikov.ClampSpreadBps(
            AvellanedaStoikov.RawSpreadBps(TestStrategies.Hype.As().Gamma, TestStrategies.Hype.As().Kappa, hypeSigma2),
            TestStrategies.Hype.As().MinSpreadBps,
            TestStrategies.Hype.As().MaxSpreadBps);
        Assert.True(hype > 5 * eth, $"HYPE {hype:0.0} bps vs ETH {eth:0.0} bps");
    }

    private static double MeanSpreadBps(StrategyParameters p, string coin)
    {
        var est = new VolatilityEstimator(p.Volatility);
        long first = -1;
        double sum = 0;
        var n = 0;
        foreach (var book in RecordedBooks.Read(coin))
        {
            var top = book.Top;
            if (!top.IsTwoSided)
            {
                continue;
            }

            est.Update(book.TimeMs, (double)top.Mid);
            first = first < 0 ? book.TimeMs : first;
            if (book.TimeMs - first >= 300_000)
            {
                sum += AvellanedaStoikov.ClampSpreadBps(AvellanedaStoikov.RawSpreadBps(p.As().Gamma, p.As().Kappa, est.Sigma2Horizon), p.As().MinSpreadBps, p.As().MaxSpreadBps);
                n++;
            }
        }

        Assert.True(n > 1_000, "expected a long recording");
        return sum / n;
    }
}
