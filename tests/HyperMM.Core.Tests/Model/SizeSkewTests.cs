using HyperMM.Core.Model;

namespace HyperMM.Core.Tests.Model;

public class SizeSkewTests
{
    [Theory]
    [InlineData(0.0, 1.0, 1.0, 1.0)]
    [InlineData(1.0, 1.0, 0.36787944, 2.71828183)]    // e^-1, e^1
    [InlineData(-0.5, 1.0, 1.64872127, 0.60653066)]   // short: bigger bid, smaller ask
    [InlineData(0.7, 0.0, 1.0, 1.0)]                  // eta 0 switches the skew off
    public void Multipliers_AreExponentialInQ(double q, double eta, double bid, double ask)
    {
        Assert.Equal(bid, SizeSkew.BidMultiplier(q, eta), 7);
        Assert.Equal(ask, SizeSkew.AskMultiplier(q, eta), 7);
    }
}
