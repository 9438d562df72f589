using HyperMM.Cli.Hosting;
using HyperMM.Core.Strategy;
using HyperMM.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace HyperMM.Cli.Tests.Hosting;

public sealed class StrategyHeartbeatsTests
{
    private readonly FakeTimeProvider _time = new();

    private StrategySlot Running(string name = "mm_eth_perp") =>
        new(TestStrategies.Eth with { Name = name }) { Runner = new StrategyRunner(TestStrategies.Eth, new FakeExchange(TestStrategies.EthSpec, _time), _time) };

    [Fact]
    public void ALoopThatDoesNotMove_GetsNoSecondBeat()
    {
        // The runner never runs, so its progress counter stands still: exactly what a stuck loop looks like.
        var beats = new StrategyHeartbeats([Running()]);
        Assert.Equal(["hb mm_eth_perp"], beats.NextBeat());
        Assert.Empty(beats.NextBeat());
        Assert.Empty(beats.NextBeat());
    }

    [Fact]
    public void WhileTheVenueHoldsRequestsBack_AStillLoopKeepsBeating()
    {
        var waiting = true;
        var beats = new StrategyHeartbeats([Running()], () => waiting);
        Assert.Equal(["hb mm_eth_perp"], beats.NextBeat());
        Assert.Equal(["hb mm_eth_perp"], beats.NextBeat());
        waiting = false;
        Assert.Empty(beats.NextBeat());
    }

    [Fact]
    public void AStrategyStillConnecting_Beats()
    {
        var beats = new StrategyHeartbeats([new StrategySlot(TestStrategies.Eth)]);
        Assert.Equal(["hb mm_eth_perp"], beats.NextBeat());
        Assert.Equal(["hb mm_eth_perp"], beats.NextBeat());
    }

    [Fact]
    public void FinishedWithNoOrderLeft_SaysDoneOnce_FinishedUnconfirmed_FallsSilent()
    {
        var clean = Running("a");
        var unknown = Running("b");
        var beats = new StrategyHeartbeats([clean, unknown]);
        clean.Finished = true;
        clean.OrdersLeft = 0;
        unknown.Finished = true; // orders left could not be checked: the watchdog must sweep it
        Assert.Equal(["done a"], beats.NextBeat());
        Assert.Empty(beats.NextBeat());
        Assert.False(beats.AllDone);
        unknown.OrdersLeft = 0;
        Assert.Equal(["done b"], beats.NextBeat());
        Assert.True(beats.AllDone);
    }
}
