using HyperMM.LocalExchange.Faults;

namespace HyperMM.LocalExchange.Tests.Faults;

public sealed class FaultSwitchesTests
{
    [Fact]
    public void NextHttpFault_429Burst_ThenNormal()
    {
        var f = new FaultSwitches(new FaultOptions { Http429Burst = 2 });
        Assert.Equal(HttpFault.TooManyRequests, f.NextHttpFault());
        Assert.Equal(HttpFault.TooManyRequests, f.NextHttpFault());
        Assert.Equal(HttpFault.None, f.NextHttpFault());
    }

    [Fact]
    public void NextHttpFault_FailFractionOne_AlwaysServerError()
    {
        var f = new FaultSwitches(new FaultOptions());
        f.HttpFailFraction = 1.0;
        Assert.All(Enumerable.Range(0, 20), _ => Assert.Equal(HttpFault.ServerError, f.NextHttpFault()));
        f.HttpFailFraction = 0;
        Assert.Equal(HttpFault.None, f.NextHttpFault());
    }

    [Fact]
    public void NextHttpFault_HalfFraction_RoughlyHalfOfManyRequests()
    {
        var f = new FaultSwitches(new FaultOptions { HttpFailFraction = 0.5, Seed = 1 });
        var failed = Enumerable.Range(0, 2000).Count(_ => f.NextHttpFault() == HttpFault.ServerError);
        // binomial(2000, 0.5): mean 1000, sd 22.4; ±200 is ~9 sd
        Assert.InRange(failed, 800, 1200);
    }

    [Fact]
    public void TakeOrderRejection_ExactlyN()
    {
        var f = new FaultSwitches(new FaultOptions { RejectNextOrders = 3 });
        Assert.Equal([true, true, true, false], Enumerable.Range(0, 4).Select(_ => f.TakeOrderRejection()));
    }

    [Fact]
    public void Fractions_OutOfRange_Throw()
    {
        var f = new FaultSwitches(new FaultOptions());
        Assert.Throws<ArgumentOutOfRangeException>(() => f.HttpFailFraction = 1.5);
        Assert.Throws<ArgumentOutOfRangeException>(() => f.DropWebSocketsEvery = TimeSpan.Zero);
    }
}
