using System.IO.Pipelines;
using System.Text;
using HyperMM.Cli.Hosting;
using HyperMM.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace HyperMM.Cli.Tests.Hosting;

public sealed class WatchdogTests : IDisposable
{
    private static readonly string[] Strategies = ["a", "b"];
    private readonly FakeTimeProvider _time = new();
    private readonly Pipe _pipe = new();
    private readonly StreamReader _input;
    private readonly List<(string[] Names, string Why)> _sweeps = [];
    private readonly List<string> _notices = [];

    public WatchdogTests() => _input = new StreamReader(_pipe.Reader.AsStream(), Encoding.UTF8);

    public void Dispose() => _input.Dispose();

    private WatchdogLoop? _loop;
    private long _sent;

    private Task<WatchdogLoop.Outcome> Watch(WatchdogLoop loop) => (_loop = loop).WatchAsync(
        _input,
        (names, why) =>
        {
            lock (_sweeps)
            {
                _sweeps.Add(([.. names], why));
            }

            return Task.CompletedTask;
        },
        (strategy, message) =>
        {
            lock (_notices)
            {
                _notices.Add(strategy + ": " + message);
            }

            return Task.CompletedTask;
        },
        CancellationToken.None);

    /// <summary>Writes lines and waits until the loop has taken them all (the reader thread hands them over).</summary>
    private async Task Send(string lines)
    {
        await _pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes(lines));
        _sent += lines.Count(c => c == '\n');
        await Until(() => _loop!.LinesRead >= _sent);
    }

    /// <summary>Advances the fake clock in 1 s steps, giving the loop a moment to react after each.</summary>
    private async Task Pass(int seconds)
    {
        for (var i = 0; i < seconds; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }
    }

    /// <summary>Waits for an effect of the loop, which runs on other threads (bounded: fails after 10 s).</summary>
    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 1_000 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "the watch loop did not get there within 10 s");
    }

    private (string[] Names, string Why)[] Sweeps()
    {
        lock (_sweeps)
        {
            return [.. _sweeps];
        }
    }

    [Fact]
    public async Task GoodbyeAfterHeartbeats_IsACleanShutdown_NothingSwept()
    {
        var watch = Watch(new WatchdogLoop(Strategies, TimeSpan.FromSeconds(10), _time));
        await Send("hb a\nhb b\nbye\n");
        Assert.Equal(WatchdogLoop.Outcome.CleanShutdown, await watch.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Empty(Sweeps());
    }

    [Fact]
    public async Task PipeClosedWithoutGoodbye_TheParentDied_EveryStrategyStillWatchedIsSwept()
    {
        var watch = Watch(new WatchdogLoop(Strategies, TimeSpan.FromSeconds(10), _time));
        await Send("hb\ndone a\n");
        await _pipe.Writer.CompleteAsync();
        Assert.Equal(WatchdogLoop.Outcome.ParentDied, await watch.WaitAsync(TimeSpan.FromSeconds(10)));
        var sweep = Assert.Single(Sweeps());
        Assert.Equal(["b"], sweep.Names); // a said it was done: its orders are confirmed gone
        Assert.Contains("died", sweep.Why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SilenceLongerThanTheTimeout_WhileThePipeStaysOpen_SweepsAtOnce()
    {
        // '(echo hb; sleep 40) | hypermm watchdog --timeout-seconds 5': the pipe is open, nothing more arrives.
        var watch = Watch(new WatchdogLoop(Strategies, TimeSpan.FromSeconds(5), _time));
        await Send("hb\n");
        await Pass(4);
        Assert.Empty(Sweeps());
        await Pass(2);
        await Until(() => Sweeps().Length > 0);
        var sweep = Assert.Single(Sweeps());
        Assert.Equal(Strategies, sweep.Names);
        Assert.Contains("no heartbeat for 5 s", sweep.Why, StringComparison.Ordinal);
        Assert.False(watch.IsCompleted); // it keeps watching
        await _pipe.Writer.CompleteAsync();
        Assert.Equal(WatchdogLoop.Outcome.ParentDied, await watch.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task OneStrategyStopsBeating_OnlyItIsSwept_AndItsReturnIsNoticed()
    {
        // The process is alive (a beats) but b's loop is stuck: b alone is swept.
        var watch = Watch(new WatchdogLoop(Strategies, TimeSpan.FromSeconds(5), _time));
        for (var i = 0; i < 8; i++)
        {
            await Send("hb a\n");
            await Pass(1);
        }

        await Until(() => Sweeps().Length > 0);
        var sweep = Assert.Single(Sweeps());
        Assert.Equal(["b"], sweep.Names);
        await Send("hb b\n");
        lock (_notices)
        {
            Assert.Contains(_notices, n => n.StartsWith("b: heartbeats resumed", StringComparison.Ordinal));
        }

        await Send("bye\n");
        Assert.Equal(WatchdogLoop.Outcome.CleanShutdown, await watch.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task AStrategyReportedDone_IsNeverSweptForSilence()
    {
        var watch = Watch(new WatchdogLoop(Strategies, TimeSpan.FromSeconds(5), _time));
        await Send("done a\ndone b\n");
        await Pass(20);
        Assert.Empty(Sweeps());
        await Send("bye\n");
        await watch.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
