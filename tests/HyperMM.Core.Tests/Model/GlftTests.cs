using HyperMM.Core.Model;

namespace HyperMM.Core.Tests.Model;

public class GlftTests
{
    [Fact]
    public void Coefficients_GammaTenthKappaOneAOne_MatchTheHandCalculation()
    {
        // γ = ξ = 0.1, κ = 1, A = 1, Δ = 1: x = ξΔ/κ = 0.1.
        // c1 = ln(1.1) / 0.1 = 0.0953102 / 0.1 = 0.953102
        // (1 + x)^(κ/(ξΔ) + 1) = 1.1^11 = 2.853117; c2 = sqrt(0.1 / (2·1·1·1) × 2.853117) = sqrt(0.1426558) = 0.377698
        var (c1, c2) = Glft.Coefficients(0.1, 1.0, 1.0, 1.0);
        Assert.Equal(0.953102, c1, 6);
        Assert.Equal(0.377698, c2, 6);

        // σ = 1 bps/√s, q = 0: half spread = c1 + Δ/2 · c2 · σ = 0.953102 + 0.188849 = 1.141951 on both sides.
        var d = Glft.Depths(0.1, 1.0, 1.0, 1.0, 1.0, 0.0);
        Assert.Equal(1.141951, d.HalfSpreadBps, 6);
        Assert.Equal(1.141951, d.BidDepthBps, 6);
        Assert.Equal(1.141951, d.AskDepthBps, 6);
    }

    [Fact]
    public void Depths_LongThreeOrders_MatchTheHandCalculation()
    {
        // γ = 0.05, κ = 0.5, A = 2, Δ = 1, σ = 2, q = +3: x = 0.05/0.5 = 0.1.
        // c1 = ln(1.1)/0.05 = 1.906204; c2 = sqrt(0.05 / (2·2·1·0.5) × 1.1^11) = sqrt(0.025 × 2.853117) = 0.267073
        // half = 1.906204 + 0.5 × 0.267073 × 2 = 2.173276; skew = 0.267073 × 2 = 0.534146
        // bid = 2.173276 + 3 × 0.534146 = 3.775714; ask = 2.173276 − 1.602437 = 0.570839
        var d = Glft.Depths(0.05, 0.5, 2.0, 1.0, 2.0, 3.0);
        Assert.Equal(1.906204, d.C1, 6);
        Assert.Equal(0.267073, d.C2, 6);
        Assert.Equal(2.173276, d.HalfSpreadBps, 6);
        Assert.Equal(0.534146, d.SkewBps, 6);
        Assert.Equal(3.775714, d.BidDepthBps, 6);
        Assert.Equal(0.570839, d.AskDepthBps, 6);
    }

    [Fact]
    public void Depths_OrderSizeTwoShortOne_MatchTheHandCalculation()
    {
        // γ = 0.2, κ = 1.5, A = 0.5, Δ = 2, σ = 0.9, q = −1: x = 0.4/1.5 = 0.266667.
        // c1 = ln(1.266667)/0.4 = 0.236389/0.4 = 0.590972
        // exponent κ/(ξΔ) + 1 = 3.75 + 1 = 4.75; 1.266667^4.75 = exp(4.75 × 0.236389) = exp(1.122847) = 3.073591
        // c2 = sqrt(0.2 / (2·0.5·2·1.5) × 3.073594) = sqrt(0.0666667 × 3.073591) = sqrt(0.204906) = 0.452666
        // half = 0.590972 + (2/2) × 0.452666 × 0.9 = 0.998371; skew = 0.407399
        // short (q < 0): bid = 0.998371 − 0.407399 = 0.590972, ask = 1.405770
        var d = Glft.Depths(0.2, 1.5, 0.5, 2.0, 0.9, -1.0);
        Assert.Equal(0.590972, d.C1, 6);
        Assert.Equal(0.452666, d.C2, 5);
        Assert.Equal(0.998371, d.HalfSpreadBps, 5);
        Assert.Equal(0.590972, d.BidDepthBps, 5);
        Assert.Equal(1.405770, d.AskDepthBps, 5);
    }

    [Theory]
    [InlineData(0.1, 1.0, 1.0, 1.0)]
    [InlineData(0.02, 0.8, 0.14, 0.9)]
    [InlineData(1.0, 3.0, 5.0, 0.4)]
    public void Flat_IsSymmetric_AndLongLowersBothSides(double gamma, double kappa, double a, double sigma)
    {
        var flat = Glft.Depths(gamma, kappa, a, 1.0, sigma, 0.0);
        Assert.Equal(flat.BidDepthBps, flat.AskDepthBps, 12);

        var previous = flat;
        foreach (var q in new[] { 0.5, 1.0, 2.0, 5.0 })
        {
            // Longer: the bid moves further below the centre (bigger depth), the ask comes closer (smaller depth):
            // both prices fall, so the quotes lean towards selling.
            var d = Glft.Depths(gamma, kappa, a, 1.0, sigma, q);
            Assert.True(d.BidDepthBps > previous.BidDepthBps, $"q {q}: bid depth {d.BidDepthBps} not above {previous.BidDepthBps}");
            Assert.True(d.AskDepthBps < previous.AskDepthBps, $"q {q}: ask depth {d.AskDepthBps} not below {previous.AskDepthBps}");
            var mirror = Glft.Depths(gamma, kappa, a, 1.0, sigma, -q);
            Assert.Equal(d.BidDepthBps, mirror.AskDepthBps, 12);
            previous = d;
        }
    }

    [Fact]
    public void GammaToZero_QuotesOneOverKappaAndStopsSkewing()
    {
        // The paper's risk-neutral limit: c1 = ln(1 + γΔ/κ)/(γΔ) → 1/κ, and c2 = sqrt(γ/(2AΔκ) · (1+γΔ/κ)^(κ/(γΔ)+1))
        // → sqrt(γ·e/(2AΔκ)) → 0. κ = 0.8: 1/κ = 1.25 bps; at γ = 1e-8 c2 ≈ sqrt(1e-8 × 2.71828 / 1.6) = 1.30e-4.
        var d = Glft.Depths(1e-8, 0.8, 1.0, 1.0, 1.0, 10.0);
        Assert.Equal(1.25, d.C1, 6);
        Assert.Equal(Math.Sqrt(1e-8 * Math.E / 1.6), d.C2, 7);
        Assert.Equal(1.25, d.HalfSpreadBps, 3);
        Assert.True(d.SkewBps < 2e-4);
        // The half spread falls towards 1/κ as γ falls (more risk aversion quotes wider).
        Assert.True(Glft.Depths(0.5, 0.8, 1.0, 1.0, 1.0, 0).HalfSpreadBps > Glft.Depths(0.05, 0.8, 1.0, 1.0, 1.0, 0).HalfSpreadBps);
    }

    [Theory]
    [InlineData(0.0, 1.0, 1.0, 1.0)]
    [InlineData(0.1, 0.0, 1.0, 1.0)]
    [InlineData(0.1, 1.0, 0.0, 1.0)]
    [InlineData(0.1, 1.0, 1.0, -1.0)]
    [InlineData(double.NaN, 1.0, 1.0, 1.0)]
    public void Coefficients_RefuseNonPositiveInputs(double gamma, double kappa, double a, double delta) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Glft.Coefficients(gamma, kappa, a, delta));
}
