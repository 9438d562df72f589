using HyperMM.Core.Primitives;
using HyperMM.LocalExchange.Limits;
using Microsoft.Extensions.Time.Testing;

namespace HyperMM.LocalExchange.Tests.Limits;

public sealed class AddressBudgetTests
{
    private static readonly Address User = Address.Parse("0x14791697260e4c9a71f18484c9f997b308e59325");

    [Fact]
    public void TryCharge_BeyondBufferPlusVolume_RefusedWithTheVenueText()
    {
        var time = new FakeTimeProvider();
        var budget = new AddressBudget(10, time);
        // cap = 10 + floor(5.75) = 15
        Assert.Null(budget.TryCharge(User, 15, isCancel: false, cumulativeVolume: 5.75m));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(budget.TryCharge(User, 1, false, 5.75m)); // the one request per 10 s an exhausted address keeps
        Assert.Equal(
            "Too many cumulative requests sent (17 > 15) for cumulative volume traded $5.75. Place taker orders to free up 1 request per USDC traded.",
            budget.TryCharge(User, 1, false, 5.75m));
        Assert.Equal(16, budget.Used(User)); // the refused request cost nothing
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Null(budget.TryCharge(User, 1, false, 5.75m));
    }

    [Fact]
    public void TryCharge_Cancels_HaveTheHigherCap()
    {
        var budget = new AddressBudget(10, new FakeTimeProvider());
        // order cap 10; cancel cap min(10 + 100000, 2 x 10) = 20
        Assert.Null(budget.TryCharge(User, 10, false, 0m));
        Assert.Null(budget.TryCharge(User, 10, true, 0m));
        Assert.Null(budget.TryCharge(User, 1, true, 0m)); // exhausted-address allowance
        Assert.NotNull(budget.TryCharge(User, 1, true, 0m));
    }

    [Fact]
    public void Cap_IsBufferPlusFlooredVolume() => Assert.Equal(10_000 + 87_457, new AddressBudget(10_000, TimeProvider.System).Cap(87_457.46m));
}
