using HyperMM.LocalExchange.Limits;
using Microsoft.Extensions.Time.Testing;

namespace HyperMM.LocalExchange.Tests.Limits;

public sealed class IpWeightLimiterTests
{
    [Fact]
    public void TryCharge_OverTheMinuteBudget_RefusedUntilTheWindowSlides()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var limiter = new IpWeightLimiter(1200, time);
        // 60 x userRole (weight 60) = 3600 > 1200: exactly 20 fit (20 x 60 = 1200)
        for (var i = 0; i < 20; i++)
        {
            Assert.True(limiter.TryCharge("127.0.0.1", IpWeightLimiter.InfoWeight("userRole")));
        }

        Assert.False(limiter.TryCharge("127.0.0.1", 1));
        Assert.True(limiter.TryCharge("10.0.0.1", 1)); // another IP has its own budget
        time.Advance(TimeSpan.FromSeconds(61));
        Assert.True(limiter.TryCharge("127.0.0.1", 60));
    }

    [Theory]
    [InlineData("l2Book", 2)]
    [InlineData("allMids", 2)]
    [InlineData("clearinghouseState", 2)]
    [InlineData("orderStatus", 2)]
    [InlineData("userRole", 60)]
    [InlineData("meta", 20)]
    [InlineData("openOrders", 20)]
    public void InfoWeight_AsTheVenueDocuments(string type, int weight) => Assert.Equal(weight, IpWeightLimiter.InfoWeight(type));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(39, 1)]
    [InlineData(40, 2)]
    [InlineData(79, 2)] // PROTOCOL §7.1: a 79-order batch weighs 2
    public void ExchangeWeight_OnePlusBatchOverForty(int batch, int weight) => Assert.Equal(weight, IpWeightLimiter.ExchangeWeight(batch));

    [Fact]
    public void TryCharge_ZeroBudget_MeansOff()
    {
        var limiter = new IpWeightLimiter(0, TimeProvider.System);
        for (var i = 0; i < 10_000; i++)
        {
            Assert.True(limiter.TryCharge("127.0.0.1", 20));
        }
    }

    [Theory]
    [InlineData("userFills", 39, 1)]     // floor(39 / 20)
    [InlineData("userFills", 40, 2)]
    [InlineData("candleSnapshot", 119, 1)] // floor(119 / 60)
    [InlineData("l2Book", 100, 0)]
    public void InfoItemWeight_PerTwentyOrSixtyItems(string type, int items, int weight) => Assert.Equal(weight, IpWeightLimiter.InfoItemWeight(type, items));

    [Fact]
    public void ChargeAfter_CanExceed_ThenRefuses()
    {
        var limiter = new IpWeightLimiter(100, new FakeTimeProvider());
        Assert.True(limiter.TryCharge("1.2.3.4", 20));
        limiter.ChargeAfter("1.2.3.4", 90); // 110 > 100: recorded anyway
        Assert.False(limiter.TryCharge("1.2.3.4", 1));
    }
}
