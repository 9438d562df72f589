using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.Simulation.Backtest;
using HyperMM.Simulation.Market;
using HyperMM.Simulation.Matching;
using static HyperMM.Simulation.Tests.Matching.EngineHarness;

namespace HyperMM.Simulation.Tests.Backtest;

/// <summary>
/// Issue 11 item 5: the driver never waits forever. A request still in flight when the data ends is executed and
/// answered at its own time; a loop that fails or waits on something the simulation does not drive ends the run
/// with a <see cref="BacktestFailedException"/>. Each test runs on a background task with a deadline, so a
/// regression fails instead of hanging the suite.
/// </summary>
public sealed class SimulatedExchangeShutdownTests
{
    private const long T0 = 1_757_000_000_000;
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(1);

    private static (SimulatedExchange Exchange, MatchingEngine Engine, SimulationTimeProvider Time) Build(TimeSpan entry, TimeSpan ack, TimeSpan? stallTimeout = null)
    {
        var time = new SimulationTimeProvider(T0);
        SimulatedExchange? exchange = null;
        var engine = new MatchingEngine([EthSpec], new MatchingEngineOptions { PublishBooks = false }, new ForwardingSink(() => exchange!.Sink), time);
        exchange = new SimulatedExchange(engine, time, Account(1), new LatencyOptions(TimeSpan.Zero, entry, ack))
        {
            StallTimeout = stallTimeout ?? TimeSpan.FromMinutes(2),
        };
        engine.Deposit(Account(1), 100_000m);
        exchange.OnMarketEvent(MarketEvent.OfBook(Book(T0, [(2000m, 5m)], [(2000.1m, 4m)])));
        return (exchange, engine, time);
    }

    private static OrderRequest Bid => new(Eth, Side.Buy, 1999m, 1m, TimeInForce.Alo, false, null);

    /// <summary>Places one bid, then waits on its timer like the strategy loop; cancelled, it cancels what it placed.</summary>
    private static async Task PlaceThenIdleAsync(SimulatedExchange exchange, SimulationTimeProvider time, List<(long AtMs, OrderResult Result)> answers, CancellationToken ct)
    {
        var results = await exchange.PlaceOrdersAsync([Bid], ct);
        answers.Add((time.NowMs, results[0]));
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), time, ct);
            }
        }
        finally
        {
            var open = exchange.Engine.GetOpenOrders(exchange.Account);
            await exchange.CancelOrdersAsync([.. open.Select(o => new CancelRequest(o.Coin, o.OrderId, o.Cloid))], CancellationToken.None);
        }
    }

    [Fact]
    public async Task Shutdown_RequestInFlightAtEndOfData_IsExecutedAnsweredAndThenCancelled()
    {
        var (exchange, engine, time) = Build(TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(300));
        var answers = new List<(long AtMs, OrderResult Result)>();
        using var stop = new CancellationTokenSource();

        await Task.Run(() =>
        {
            exchange.AttachRunner(PlaceThenIdleAsync(exchange, time, answers, stop.Token)); // sent at T0, reaches the engine at T0 + 500
            exchange.OnMarketEvent(MarketEvent.OfBook(Book(T0 + 100, [(2000m, 5m)], [(2000.1m, 4m)]))); // the data ends at T0 + 100
            exchange.RunUntil(T0 + 100);
            Assert.Empty(answers); // still in flight at the end of the data
            exchange.Shutdown(stop.Cancel);
        }).WaitAsync(Deadline);

        var (atMs, result) = Assert.Single(answers);
        Assert.Equal(OrderResultKind.Resting, result.Kind); // executed at T0 + 500 against the last book (1999 < ask 2000.1)
        Assert.Equal(T0 + 500 + 300, atMs); // answered after the ack latency, not dropped
        Assert.Empty(engine.GetOpenOrders(Account(1))); // the loop then cancelled it on its way out
        Assert.True(exchange.RunnerFinished);
    }

    [Fact]
    public async Task Shutdown_LoopThatFails_EndsTheRunWithItsMessage()
    {
        var (exchange, _, time) = Build(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(20));
        using var stop = new CancellationTokenSource();

        async Task FailAfterAnswer()
        {
            await exchange.PlaceOrdersAsync([Bid], stop.Token);
            throw new InvalidOperationException("the cycle broke");
        }

        var error = await Assert.ThrowsAsync<BacktestFailedException>(() => Task.Run(() =>
        {
            exchange.AttachRunner(FailAfterAnswer());
            exchange.OnMarketEvent(MarketEvent.OfBook(Book(T0 + 1_000, [(2000m, 5m)], [(2000.1m, 4m)])));
            exchange.Shutdown(stop.Cancel);
        }).WaitAsync(Deadline));

        Assert.Equal(
            "the strategy loop failed: the cycle broke",
            error.Message);
        Assert.True(time.NowMs >= T0 + 40);
    }

    [Fact]
    public async Task AttachRunner_LoopWaitingOnSomethingTheSimulationDoesNotDrive_FailsInsteadOfHanging()
    {
        // A short stall bound: the loop below never parks and never ends (wall time is only the guard's bound here).
        var (exchange, _, _) = Build(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(200));
        var never = new TaskCompletionSource();

        var error = await Assert.ThrowsAsync<BacktestFailedException>(() => Task.Run(() => exchange.AttachRunner(never.Task)).WaitAsync(Deadline));

        Assert.Contains("neither waited for the simulation nor ended", error.Message, StringComparison.Ordinal);
        never.SetResult();
    }
}
