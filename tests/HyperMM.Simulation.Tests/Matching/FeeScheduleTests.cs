using HyperMM.Simulation.Matching;

namespace HyperMM.Simulation.Tests.Matching;

public sealed class FeeScheduleTests
{
    [Fact]
    public void Text_sets_the_rates_it_names_and_keeps_the_base_tier_for_the_rest()
    {
        Assert.Equal(new FeeSchedule(0.00045m, 0.0002m), FeeSchedule.Parse("maker=0.0002"));
        Assert.Equal(new FeeSchedule(0.0004m, -0.00001m), FeeSchedule.Parse("taker=0.0004, maker=-0.00001"));
        Assert.Equal(FeeSchedule.HyperliquidBase, FeeSchedule.Parse(FeeSchedule.HyperliquidBase.ToString()));
    }

    [Fact]
    public void Rates_are_charged_on_notional_and_rounded_to_usdc_decimals()
    {
        // 4,290.1 × 0.01 = 42.901 USD; maker 0.015 % = 0.00643515 → 0.006435; taker 0.045 % = 0.01930545 → 0.019305
        Assert.Equal(0.006435m, FeeSchedule.HyperliquidBase.FeeFor(42.901m, crossed: false));
        Assert.Equal(0.019305m, FeeSchedule.HyperliquidBase.FeeFor(42.901m, crossed: true));
        // a rebate is a negative fee: -0.01 % of 42.901 = -0.0042901 → -0.004290
        Assert.Equal(-0.00429m, FeeSchedule.Parse("maker=-0.0001").FeeFor(42.901m, crossed: false));
    }

    [Theory]
    [InlineData("")]
    [InlineData("maker")]
    [InlineData("maker=0.02")]
    [InlineData("spread=0.001")]
    public void Bad_text_is_refused(string text) => Assert.Throws<ArgumentException>(() => FeeSchedule.Parse(text));
}
