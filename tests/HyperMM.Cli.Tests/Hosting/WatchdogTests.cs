using System.IO.Pipelines;
using System.Text;
using HyperMM.Cli.Hosting;
using HyperMM.Core.Primitives;
using HyperMM.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace HyperMM.Cli.Tests.Hosting;

public class WatchdogTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Watch_GoodbyeAfterHeartbeats_IsACleanShutdown()
    {
        using var input = new StringReader("hb\nhb\nbye\n");
        Assert.Equal(WatchdogLoop.Outcome.CleanShutdown, await WatchdogLoop.WatchAsync(input, TimeSpan.FromSeconds(10), _time, CancellationToken.None));
    }

    [Fact]
    public async Task Watch_PipeClosedWithoutGoodbye_MeansTheParentDied()
    {
        using var input = new StringReader("hb\nhb\n");
        Assert.Equal(WatchdogLoop.Outcome.ParentDied, await WatchdogLoop.WatchAsync(input, TimeSpan.FromSeconds(10), _time, CancellationToken.None));
    }

    [Fact]
    public async Task Watch_SilenceLongerThanTheTimeout_MeansTheParentHung()
    {
        var pipe = new Pipe();
        using var input = new StreamReader(pipe.Reader.AsStream(), Encoding.UTF8);
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("hb\n"));
        var watch = WatchdogLoop.WatchAsync(input, TimeSpan.FromSeconds(10), _time, CancellationToken.None);

        // Time passes with no heartbeat: advance until the watchdog gives up (each advance lets it re-arm).
        for (var i = 0; i < 50 && !watch.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(watch, Task.Delay(20));
        }

        Assert.Equal(WatchdogLoop.Outcome.ParentSilent, await watch.WaitAsync(TimeSpan.FromSeconds(5)));
        await pipe.Writer.CompleteAsync();
    }

    [Fact]
    public async Task Sweep_CancelsEveryOrderTaggedWithTheStrategy_FromAnyRun()
    {
        var exchange = new FakeExchange(TestStrategies.EthSpec, _time);
        exchange.AddOpenOrder(Side.Buy, 4000m, 0.01m, new CloidFactory("mm_eth_perp", 1).Next());
        exchange.AddOpenOrder(Side.Sell, 4500m, 0.01m, new CloidFactory("mm_eth_perp", 2).Next());
        var foreign = exchange.AddOpenOrder(Side.Sell, 4600m, 0.01m, new CloidFactory("somebody", 1).Next());
        exchange.AddOpenOrder(Side.Sell, 4700m, 0.01m, null);

        var swept = await OrderSweeper.SweepAsync(exchange, TestStrategies.Eth, CancellationToken.None);

        Assert.Equal(2, swept);
        Assert.Equal(2, exchange.OpenOrders.Count);
        Assert.Contains(exchange.OpenOrders, o => o.OrderId == foreign.OrderId);
    }
}
