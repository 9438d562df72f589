using HyperMM.Core.Model;

namespace HyperMM.Core.Tests.Model;

public class AvellanedaStoikovTests
{
    [Fact]
    public void RawSpreadBps_EthAtSevenAndAHalfBps60sStd_IsAboutEightBps()
    {
        // sigma_60s = 7.5 bps → sigma2_h = 56.25 bps². gamma 0.12, kappa 1.5:
        // 0.12 × 56.25 = 6.75;  (2 / 0.12) × ln(1 + 0.12/1.5) = 16.6667 × ln(1.08) = 16.6667 × 0.0769610 = 1.282684
        // total 8.032684 bps: the "ETH near 8 bps" of the mission.
        Assert.Equal(8.032684, AvellanedaStoikov.RawSpreadBps(0.12, 1.5, 56.25), 5);
    }

    [Fact]
    public void RawSpreadBps_BtcAtFiveBps60sStd_IsTighterThanEth()
    {
        // sigma2_h = 25 bps². 0.15 × 25 = 3.75; (2/0.15) × ln(1 + 0.15/1.8) = 13.3333 × 0.0800427 = 1.067236 → 4.817236
        Assert.Equal(4.817236, AvellanedaStoikov.RawSpreadBps(0.15, 1.8, 25.0), 5);
    }

    [Theory]
    [InlineData(0.5, 0.12, 56.25, -3.375)]   // long half the cap: reservation 3.375 bps below mid
    [InlineData(-1.0, 0.12, 56.25, 6.75)]    // short at the cap: above mid
    [InlineData(0.0, 0.20, 400.0, 0.0)]      // flat: at mid
    public void ReservationOffsetBps_IsMinusQGammaSigma2(double q, double gamma, double sigma2, double expected) =>
        Assert.Equal(expected, AvellanedaStoikov.ReservationOffsetBps(q, gamma, sigma2), 9);

    [Theory]
    [InlineData(2.0, 5, 90, 5)]
    [InlineData(50.0, 5, 90, 50)]
    [InlineData(120.0, 5, 90, 90)]
    public void ClampSpreadBps_KeepsInsideBounds(double raw, double min, double max, double expected) =>
        Assert.Equal(expected, AvellanedaStoikov.ClampSpreadBps(raw, min, max));
}
