using HyperMM.Core.Model;
using HyperMM.Core.Primitives;
using HyperMM.Simulation.Backtest;
using HyperMM.Simulation.Market;
using HyperMM.TestSupport;

namespace HyperMM.Simulation.Tests.Backtest;

/// <summary>
/// Issue 11 item 5: every backtest ends. Each input (the two HL CSV folders, the hftbacktest raw capture, and a
/// recording written by <see cref="RecordingWriter"/> that also carries HYPE) is replayed to its last event for each
/// strategy whose coin it holds, in each requote mode, on a background task with a deadline: a run that hangs fails.
/// </summary>
public sealed class BacktestEndsTests(SyntheticRecordingFixture recording) : IClassFixture<SyntheticRecordingFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    public static TheoryData<string, string, RequoteMode> Inputs()
    {
        var data = new TheoryData<string, string, RequoteMode>();
        foreach (var mode in new[] { RequoteMode.Amend, RequoteMode.Replace })
        {
            foreach (var (input, coins) in new[]
            {
                ("data/Avellaneda_Stoikov_Market_Making_parameter_calibration/HL_data", new[] { "ETH", "BTC" }),
                ("data/Hyperliquid_data_collector/HL_data", ["ETH", "BTC"]),
                ("data/hftbacktest/examples/hyperliquid/btcusd_20250126.gz", ["BTC"]),
                ("data/hftbacktest/examples/usdm/ethusdt_20240808.gz", ["ETH"]),
                (SyntheticRecordingFixture.Name, ["ETH", "BTC", "HYPE"]),
            })
            {
                foreach (var coin in coins)
                {
                    data.Add(input, coin, mode);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Backtest_EachInputStrategyAndMode_RunsToTheLastEventAndEnds(string input, string coin, RequoteMode mode)
    {
        var parameters = TestStrategies.All.Single(s => s.Coin.Name == coin) with { RequoteMode = mode };
        var events = MarketDataLoader.Load(PathOf(input), new Coin(coin));

        var result = await Task.Run(() => BacktestSession.Run(parameters, TestStrategies.SpecFor(parameters), events)).WaitAsync(Deadline);

        Assert.Equal(events.Count, result.MarketEvents); // replayed to the end, not stopped early
        Assert.Equal(events[^1].TimeMs, result.EndMs);
        Assert.True(result.Figures.Counters.Requests > 0, "the strategy quoted");
    }

    /// <summary>
    /// With a 1.5 s latency each way a request is nearly always in flight when the data ends: it is executed and
    /// answered after the last event (the run says so in its notes) and the run still ends.
    /// </summary>
    [Theory]
    [InlineData(RequoteMode.Amend)]
    [InlineData(RequoteMode.Replace)]
    public async Task Backtest_RequestInFlightAtTheEndOfData_IsAnsweredAndTheRunEnds(RequoteMode mode)
    {
        var parameters = TestStrategies.Btc with { RequoteMode = mode };
        var events = MarketDataLoader.Load(PathOf("data/Hyperliquid_data_collector/HL_data"), parameters.Coin);
        var slow = TimeSpan.FromMilliseconds(1_500);
        var options = new BacktestOptions { Latency = new LatencyOptions(TimeSpan.FromMilliseconds(20), slow, slow) };

        var result = await Task.Run(() => BacktestSession.Run(parameters, TestStrategies.BtcSpec, events, options)).WaitAsync(Deadline);

        Assert.Equal(events.Count, result.MarketEvents);
        Assert.Contains(result.Notes, n => n.Contains("in flight were executed and answered after the last event", StringComparison.Ordinal));
    }

    private string PathOf(string input) => input == SyntheticRecordingFixture.Name ? recording.Path : System.IO.Path.Combine(SharedData.RootPath, input);
}
