using HyperMM.Core.Model;
using HyperMM.Core.Primitives;
using HyperMM.Core.Strategy;
using HyperMM.Core.Trading;
using HyperMM.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace HyperMM.Core.Tests.Strategy;

/// <summary>The strategy loop end to end against a hand-written in-memory exchange and a fake clock.</summary>
public sealed class StrategyRunnerTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(1_757_015_216_000));
    private readonly RecordingObserver _observer = new();
    private readonly CancellationTokenSource _stop = new();
    private FakeExchange _exchange = null!;
    private StrategyRunner _runner = null!;
    private Task? _run;

    private void Start(StrategyParameters? parameters = null, StrategyRunnerOptions? options = null)
    {
        _exchange ??= new FakeExchange(TestStrategies.EthSpec, _time);
        _runner = new StrategyRunner(parameters ?? TestStrategies.Eth, _exchange, _time, _observer, options ?? StrategyRunnerOptions.Default with { RunId = 7 });
        _run = Task.Run(() => _runner.RunAsync(_stop.Token));
    }

    private int Resting(Side side) => _exchange.OpenOrders.Count(o => o.Side == side);

    /// <summary>Moves the clock, pushes a book and waits until the loop has computed a quote for it.</summary>
    private async Task StepAsync(double seconds = 1.0)
    {
        var before = _observer.Quotes.Count;
        _time.Advance(TimeSpan.FromSeconds(seconds));
        _exchange.PushBook(4285.4m, 4285.6m);
        await _observer.WaitForAsync(() => _observer.Quotes.Count > before, "a quote after the step");
    }

    /// <summary>Like <see cref="StepAsync"/> one cycle later, with the given touch.</summary>
    private async Task StepToAsync(decimal bid, decimal ask)
    {
        var before = _observer.Quotes.Count;
        _time.Advance(TimeSpan.FromSeconds(1));
        _exchange.PushBook(bid, ask);
        await _observer.WaitForAsync(() => _observer.Quotes.Count > before, "a quote after the step");
    }

    private async Task StopAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _run!.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_run is not null && !_run.IsCompleted)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }

    [Fact]
    public async Task Run_FirstBook_PostsAPostOnlyBidAndAskTaggedWithTheStrategy()
    {
        _exchange = new FakeExchange(TestStrategies.EthSpec, _time);
        Start();
        _exchange.PushBook(4285.4m, 4285.6m);
        await _observer.WaitForAsync(() => _exchange.Placed.Count == 2, "two orders placed");

        var cloids = new CloidFactory("mm_eth_perp", 7);
        Assert.All(_exchange.Placed, o =>
        {
            Assert.Equal(TimeInForce.Alo, o.Tif);
            Assert.True(new OwnOrders("mm_eth_perp").IsOurs(o.Cloid));
        });
        Assert.Equal(1, Resting(Side.Buy));
        Assert.Equal(1, Resting(Side.Sell));
    }

    [Fact]
    public async Task Run_Cancelled_LeavesNoOpenOrders()
    {
        _exchange = new FakeExchange(TestStrategies.EthSpec, _time);
        Start();
        _exchange.PushBook(4285.4m, 4285.6m);
        await _observer.WaitForAsync(() => _exchange.OpenOrders.Count == 2, "quotes resting");

        await StopAsync();

        Assert.Empty(_exchange.OpenOrders);
        Assert.Equal(StrategyMode.Stopped, _runner.Status!.Mode);
    }

    /// <summary>
    /// A shutdown step after the orders are confirmed gone (the last fills query) fails: the note says what failed and
    /// that the orders are gone, as a warning, not as "could not confirm every order cancelled".
    /// </summary>
    [Fact]
    public async Task Stop_FillsQueryFailsAfterTheCancels_WarnsThatTheOrdersAreGoneAndWhatIsMissing()
    {
        _exchange = new FakeExchange(TestStrategies.EthSpec, _time);
        Start();
        _exchange.PushBook(4285.4m, 4285.6m);
        await _observer.WaitForAsync(() => _exchange.OpenOrders.Count == 2, "quotes resting");

        _exchange.FillsFailure = new HttpRequestException("venue answered 500");
        await StopAsync();

        Assert.Empty(_exchange.OpenOrders);
        Assert.DoesNotContain(_observer.Notes, n => n.Level == "error");
        Assert.Contains(_observer.Notes, n => n.Level == "warn"
            && n.Message.StartsWith("stopped with its orders confirmed cancelled, but recovering the last fills from the venue failed: venue answered 500", StringComparison.Ordinal)
            && n.Message.Contains("fills of this run may be missing from the journal", StringComparison.Ordinal));
    }

    /// <summary>The cancels themselves fail: an error naming the step, the orders not claimed gone.</summary>
    [Fact]
    public async Task Stop_CancelsFail_IsAnErrorNamingTheStep()
    {
        _exchange = new FakeExchange(TestStrategies.EthSpec, _time);
        Start();
        _exchange.PushBook(4285.4m, 4285.6m);
        await _observer.WaitForAsync(() => _exchange.OpenOrders.Count == 2, "quotes resting");

        _exchange.CancelScript = _ => throw new HttpRequestException("connection refused");
        await StopAsync();

        Assert.Contains(_observer.Notes, n => n.Level == "error"
            && n.Message == "shutdown could not confirm every order cancelled: cancelling its orders failed: connection refused");
    }

    [Fact]
    public async Task Start_CancelsOrdersLeftByAnEarlierRunButNotForeignOnes()
    {
        _exchange = new FakeExchange(TestStrategies.EthSpec, _time);
        var earlierRun = new CloidFactory("mm_eth_perp", 3).Next();
        _exchange.AddOpenOrder(Side.Buy, 4000m, 0.01m, earlierRun);
        var foreign = _exchange.AddOpenOrder(Side.Sell, 5000m, 0.01m, new CloidFactory("someone_else", 1).Next());
        Start();
        await _observer.WaitForAsync(() => _observer.Notes.Any(n => n.Message.Contains("earlier run", StringComparison.Ordinal)), "stale orders handled");

        Assert.Equal([foreign.OrderId], _exchange.OpenOrders.Select(o => o.OrderId));
        Assert.Contains(_observer.Notes, n => n.Level == "warn" && n.Message.Contains("foreign order", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fill_AppliedOnceEvenWhenReportedTwice()
    {
        _exchange = new FakeExchange(TestStrategies.EthSpec, _time);
        Start();
        _exchange.PushBook(4285.4m, 4285.6m);
        await _observer.WaitForAsync(() => _exchange.OpenOrders.Count == 2, "quotes resting");

        var bid = _exchange.OpenOrders.Single(o => o.Side == Side.Buy);
        _time.Advance(TimeSpan.FromSeconds(1));
        var fill = _exchange.FillResting(bid, 0.01m);
        _exchange.Push(new FillsEvent([fill], true, 0)); // the same tid again, e.g. in a snapshot
        await StepAsync(2);
        await _observer.WaitForAsync(() => _runner.Status?.Figures.Fills == 1 && _runner.Status.Position == 0.01m, "fill applied");

        Assert.Single(_observer.Fills);
        Assert.Equal(0.01m, _runner.Maker!.Ledger.Position);
    }

    [Fact]
    public async Task StreamInterruption_PullsQuotes_ThenResyncsMissedFillsBeforeQuotingAgain()
    {
        _exchange = new FakeExchange(TestStrategies.EthSpec, _time);
        Start();
        _exchange.PushBook(4285.4m, 4285.6m);
        await _observer.WaitForAsync(() => _exchange.OpenOrders.Count == 2, "quotes resting");

        // The socket drops; meanwhile the ask fills and nobody pushes the fill.
        var ask = _exchange.OpenOrders.Single(o => o.Side == Side.Sell);
        _exchange.Push(new StreamInterruptedEvent("test drop", 0));
        _time.Advance(TimeSpan.FromSeconds(1));
        _exchange.FillResting(ask, 0.01m, push: false);
        _time.Advance(TimeSpan.FromSeconds(1));
        await _observer.WaitForAsync(() => _exchange.OpenOrders.Count == 0, "quotes pulled while the stream is down");
        var placedBefore = _exchange.Placed.Count;

        _exchange.Push(new StreamRestoredEvent(0));
        _exchange.PushBook(4285.4m, 4285.6m);
        await _observer.WaitForAsync(() => _exchange.OpenOrders.Count == 2 && _runner.Status?.Position == -0.01m, "resynced and quoting");

        Assert.Equal(-0.01m, _runner.Maker!.Ledger.Position);
        Assert.Single(_observer.Fills);       // the missed fill, recovered over REST, exactly once
        Assert.True(_exchange.FillQueries >= 1);
        Assert.True(_exchange.Placed.Count > placedBefore);
    }

    [Fact]
    public async Task FillPressure_StartsAfterTheTargetAndStopsAtTheFirstFill()
    {
        _exchange = new FakeExchange(TestStrategies.EthSpec, _time);
        Start();
        _exchange.PushBook(4285.4m, 4285.6m);
        await _observer.WaitForAsync(() => _exchange.OpenOrders.Count == 2, "quotes resting");
        Assert.All(_exchange.OpenOrders, o => Assert.True(_exchange.Placed.Single(p => p.Cloid == o.Cloid).Tif == TimeInForce.Alo));

        // 29 s: still normal. Book updates keep the data fresh.
        for (var i = 0; i < 29; i++)
        {
            await StepAsync();
        }

        Assert.All(_observer.Quotes, q => Assert.Equal(0, q.Stage));

        await StepAsync(2);
        Assert.Equal(1, _observer.Quotes.Last().Stage);
        await _observer.WaitForAsync(() => _exchange.OpenOrders.All(o => _exchange.Modified.Any(m => m.Order.Cloid == o.Cloid && m.Order.Tif == TimeInForce.Gtc)), "orders turned Gtc");

        var bid = _exchange.OpenOrders.Single(o => o.Side == Side.Buy);
        _exchange.FillResting(bid, bid.Size);
        await StepAsync();
        await _observer.WaitForAsync(() => _observer.Quotes.LastOrDefault()?.Stage == 0 && _runner.Status?.Figures.Fills == 1, "pressure reset by the fill");
    }

    [Fact]
    public async Task AmbiguousTimeout_IsResolvedByCloidBeforeAnyNewOrderOnThatSide()
    {
        _exchange = new FakeExchange(TestStrategies.EthSpec, _time);
        // The first order "times out" but actually rests on the venue.
        _exchange.ScriptedPlaceResults.Enqueue(order =>
        {
            _exchange.AddOpenOrder(order.Side, order.Price, order.Size, order.Cloid);
            return OrderResult.Rejected(RejectReason.Timeout, "request timed out", order.Cloid);
        });
        Start();
        _exchange.PushBook(4285.4m, 4285.6m);
        await _observer.WaitForAsync(() => _exchange.Placed.Count == 2, "first quote sent");

        for (var i = 0; i < 3; i++)
        {
            await StepAsync(1.5);
        }

        Assert.Contains(_observer.Notes, n => n.Message.Contains("unclear answer: Open", StringComparison.Ordinal));
        Assert.Equal(2, _exchange.Placed.Count);   // never re-sent
        Assert.Equal(1, Resting(Side.Buy));
        Assert.Equal(1, Resting(Side.Sell));
    }

    [Fact]
    public async Task ReplaceMode_CancelsAndRepostsEveryCycle_AmendModeKeepsQuietQuotes()
    {
        _exchange = new FakeExchange(TestStrategies.EthSpec, _time);
        Start(TestStrategies.Eth with { RequoteMode = RequoteMode.Replace });
        _exchange.PushBook(4285.4m, 4285.6m);
        await _observer.WaitForAsync(() => _exchange.Placed.Count == 2, "first quote");
        for (var i = 0; i < 3; i++)
        {
            await StepAsync();
        }

        await _observer.WaitForAsync(() => _exchange.Placed.Count == 8, "three replace cycles");
        Assert.Equal(6, _exchange.Cancelled.Count);
        await StopAsync();

        // Same book, amend mode: nothing to change after the first quote.
        _exchange = new FakeExchange(TestStrategies.EthSpec, _time);
        var observer = _observer.Quotes.Count;
        using var stop = new CancellationTokenSource();
        var runner = new StrategyRunner(TestStrategies.Eth, _exchange, _time, _observer, runId: 8);
        var run = Task.Run(() => runner.RunAsync(stop.Token));
        _exchange.PushBook(4285.4m, 4285.6m);
        await _observer.WaitForAsync(() => _exchange.Placed.Count == 2, "amend first quote");
        for (var i = 0; i < 3; i++)
        {
            await StepAsync();
        }

        Assert.True(_observer.Quotes.Count >= observer + 4);
        Assert.Equal(2, _exchange.Placed.Count);
        Assert.Empty(_exchange.Modified);
        Assert.Empty(_exchange.Cancelled);
        await stop.CancelAsync();
        try
        {
            await run.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }

        Assert.Empty(_exchange.OpenOrders);
    }

    [Fact]
    public async Task AmendMode_ModifyRefusedAsPostOnly_KeepsTheOrderAndRepricesBehindTheTouchWithoutALookup()
    {
        _exchange = new FakeExchange(TestStrategies.EthSpec, _time);
        Start();
        _exchange.PushBook(4285.4m, 4285.6m);
        await _observer.WaitForAsync(() => _exchange.Placed.Count == 2, "first quote");
        var bid = _exchange.OpenOrders.Single(o => o.Side == Side.Buy);
        var refused = 0;
        _exchange.ModifyScript = m => m.Order.Side == Side.Buy && Interlocked.Increment(ref refused) == 1
            ? OrderResult.Rejected(RejectReason.PostOnlyWouldCross, "Post only order would have immediately matched, bbo was 4295.4@4295.5. asset=1")
            : null;

        // The market jumps 10 up: both sides are modified; the venue refuses the first bid modify as post-only. Steps of
        // one cycle each until the loop has acted (the fake clock may wake it before the book arrives).
        for (var i = 0; i < 5 && !_observer.OrderResults.Any(r => r.Result.Reason == RejectReason.PostOnlyWouldCross); i++)
        {
            await StepToAsync(4295.4m, 4295.6m);
        }

        List<ModifyRequest> BidModifies() => [.. _exchange.ModifiedSoFar.Where(m => m.Order.Side == Side.Buy)];
        for (var i = 0; i < 5 && BidModifies().Count < 2; i++)
        {
            await StepToAsync(4295.4m, 4295.6m);
        }

        var again = BidModifies()[1]; // the one after the refused first
        Assert.Equal(bid.OrderId, again.OrderId); // the old order was still ours and resting, not lost or unclear
        Assert.Equal(Side.Buy, again.Order.Side);
        Assert.True(again.Order.Price <= 4295.6m - 0.1m, $"bid {again.Order.Price} must sit behind the ask 4295.6");
        Assert.Equal(0, _exchange.OrderLookups);
        Assert.DoesNotContain(_observer.Notes, n => n.Message.Contains("unclear answer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StaleBook_PullsQuotes()
    {
        _exchange = new FakeExchange(TestStrategies.EthSpec, _time);
        Start();
        _exchange.PushBook(4285.4m, 4285.6m);
        await _observer.WaitForAsync(() => _exchange.OpenOrders.Count == 2, "quotes resting");

        // No book at all: the loop's own timer notices the silence once it passes stale_book_seconds (10 s).
        // The clock moves one second at a time, each step waiting until the loop has looked at it.
        for (var i = 0; i < 30 && _exchange.OpenOrders.Count > 0; i++)
        {
            var statuses = _observer.Statuses.Count;
            _time.Advance(TimeSpan.FromSeconds(1));
            await _observer.TryWaitForAsync(() => _observer.Statuses.Count > statuses || _exchange.OpenOrders.Count == 0, 1);
        }

        await _observer.WaitForAsync(() => _exchange.OpenOrders.Count == 0 && _runner.Status?.Mode == StrategyMode.StaleData, "quotes pulled on stale data");
    }

    [Fact]
    public async Task DryRun_QuotesButSendsNothing()
    {
        _exchange = new FakeExchange(TestStrategies.EthSpec, _time);
        _exchange.AddOpenOrder(Side.Buy, 4000m, 0.01m, new CloidFactory("mm_eth_perp", 3).Next());
        Start(options: new StrategyRunnerOptions { RunId = 7, DryRun = true });
        _exchange.PushBook(4285.4m, 4285.6m);
        await _observer.WaitForAsync(() => !_observer.Quotes.IsEmpty, "a quote");
        await StepAsync();
        await StopAsync();

        Assert.Empty(_exchange.Placed);
        Assert.Empty(_exchange.Cancelled);
        Assert.Single(_exchange.OpenOrders); // the earlier run's order is reported, not touched
        Assert.Contains(_observer.Notes, n => n.Message.Contains("dry run", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Backfill_ReportsFillsTheVenueHasAsHistoryWithoutChangingThePosition()
    {
        _exchange = new FakeExchange(TestStrategies.EthSpec, _time);
        var order = _exchange.AddOpenOrder(Side.Buy, 4280m, 0.01m, null);
        _exchange.FillResting(order, 0.01m, push: false); // happened before this run (e.g. while the process was dead)
        _time.Advance(TimeSpan.FromSeconds(1));
        Start(options: new StrategyRunnerOptions { RunId = 7, BackfillFillsSinceMs = 0 });
        await _observer.WaitForAsync(() => _observer.Notes.Any(n => n.Message.StartsWith("backfill", StringComparison.Ordinal)), "backfill");

        var (fill, historical) = Assert.Single(_observer.Fills);
        Assert.True(historical);
        Assert.Equal(0.01m, fill.Size);
        Assert.Equal(0.01m, _runner.Maker!.Ledger.Position); // adopted from the venue, not double-counted
    }

    [Fact]
    public async Task DeadManSwitch_RefusedByTheVenue_IsNotRetried()
    {
        _exchange = new FakeExchange(TestStrategies.EthSpec, _time);
        Start();
        _exchange.PushBook(4285.4m, 4285.6m);
        await _observer.WaitForAsync(() => _exchange.OpenOrders.Count == 2, "quotes resting");
        for (var i = 0; i < 45; i++)
        {
            await StepAsync();
        }

        Assert.Single(_observer.Notes, n => n.Message.Contains("refuses the dead-man switch", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PositionCheck_AdoptsTheVenuePositionAfterTwoMismatches()
    {
        _exchange = new FakeExchange(TestStrategies.EthSpec, _time);
        Start();
        _exchange.PushBook(4285.4m, 4285.6m);
        await _observer.WaitForAsync(() => _exchange.OpenOrders.Count == 2, "quotes resting");
        _exchange.Position = 0.03m; // changed behind our back (e.g. a manual trade on the account)
        for (var i = 0; i < 65; i++)
        {
            await StepAsync();
        }

        Assert.Equal(0.03m, _runner.Maker!.Ledger.Position);
        Assert.Contains(_observer.Notes, n => n.Message.StartsWith("position check", StringComparison.Ordinal));
    }

    /// <summary>
    /// Moves the clock 2 s and the book 5 ticks per step (so every cycle re-quotes) until <paramref name="done"/>;
    /// a step that lands while the previous orders are still in flight may not re-quote, so it steps again.
    /// </summary>
    private async Task StepUntilAsync(Func<bool> done, string what)
    {
        for (var step = 1; step <= 50 && !done(); step++)
        {
            var quotes = _observer.Quotes.Count;
            _time.Advance(TimeSpan.FromSeconds(2));
            _bookShift += 0.5m;
            _exchange.PushBook(4285.4m + _bookShift, 4285.6m + _bookShift);
            await _observer.TryWaitForAsync(() => done() || _observer.Quotes.Count > quotes || _run!.IsCompleted, 2);
        }

        Assert.True(done(), "never happened: " + what);
    }

    private decimal _bookShift;

    [Fact]
    public async Task Run_FiveFailedCyclesInARow_HaltsCancelsAndEndsWithTheReason()
    {
        _exchange = new FakeExchange(TestStrategies.EthSpec, _time);
        Start();
        _exchange.PushBook(4285.4m, 4285.6m);
        await _observer.WaitForAsync(() => _exchange.OpenOrders.Count == 2, "quotes resting");
        _exchange.ModifyScript = _ => throw new InvalidOperationException("venue said no");
        for (var i = 0; i < 200; i++)
        {
            _exchange.ScriptedPlaceResults.Enqueue(_ => throw new InvalidOperationException("venue said no"));
        }

        // Every re-quote throws, whether it modifies the resting pair (amend mode) or places new orders.
        await StepUntilAsync(() => _run!.IsCompleted, "the strategy halts");

        var halted = await Assert.ThrowsAsync<StrategyHaltedException>(() => _run!.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.StartsWith("mm_eth_perp halted: 5 cycles in a row failed, last: InvalidOperationException: venue said no", halted.Message, StringComparison.Ordinal);
        // At least 5: on a slow machine a step may land where the loop sends nothing, which succeeds and restarts the count.
        Assert.True(_runner.Maker!.Stats.FailedCycles >= 5, $"{_runner.Maker.Stats.FailedCycles} failed cycles");
        Assert.Contains(_observer.Notes, n => n is { Level: "error", Message: "cycle failed (1 in a row): InvalidOperationException: venue said no" });
        Assert.Contains(_observer.Notes, n => n is { Level: "error", Message: "cycle failed (4 in a row): InvalidOperationException: venue said no" });
        Assert.Empty(_exchange.OpenOrders); // the shutdown cancelled what was resting
        Assert.Contains("5 cycles in a row failed", _runner.Status!.LastError, StringComparison.Ordinal);
    }

    /// <summary>
    /// Events wake the loop between requotes (books every ~0.5 s on the venue, requotes at most once a second): a cycle
    /// the requote clock holds back must not count as a success, or an order path that always fails never halts.
    /// </summary>
    [Fact]
    public async Task Run_FailedRequotesWithHeldBackCyclesBetween_StillHaltAtFive()
    {
        _exchange = new FakeExchange(TestStrategies.EthSpec, _time);
        Start();
        _exchange.PushBook(4285.4m, 4285.6m);
        await _observer.WaitForAsync(() => _exchange.OpenOrders.Count == 2, "quotes resting");
        _exchange.ModifyScript = _ => throw new InvalidOperationException("venue said no");
        for (var i = 0; i < 20; i++)
        {
            _exchange.ScriptedPlaceResults.Enqueue(_ => throw new InvalidOperationException("venue said no"));
        }

        int Failures() => _observer.Notes.Count(n => n.Message.StartsWith("cycle failed", StringComparison.Ordinal));
        for (var k = 1; k <= 5 && !_run!.IsCompleted; k++)
        {
            // A new book at the time of the last requote: the loop wakes, and the requote clock holds the cycle back.
            var progress = _runner.Progress;
            _exchange.PushBook(4285.4m + k, 4285.6m + k);
            await _observer.WaitForAsync(() => _runner.Progress > progress || _run.IsCompleted, "a held-back cycle");

            // Time passes: the timer wakes the loop, the requote for that book goes, and fails.
            var failures = Failures();
            _time.Advance(TimeSpan.FromSeconds(2));
            await _observer.WaitForAsync(() => Failures() > failures || _run.IsCompleted, "a failed requote");
        }

        var halted = await Assert.ThrowsAsync<StrategyHaltedException>(() => _run!.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.StartsWith("mm_eth_perp halted: 5 cycles in a row failed", halted.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_AFailedCycleFollowedByAGoodOne_StartsTheCountAgain()
    {
        _exchange = new FakeExchange(TestStrategies.EthSpec, _time);
        Start(options: StrategyRunnerOptions.Default with { RunId = 7, MaxConsecutiveFailedCycles = 2 });
        _exchange.PushBook(4285.4m, 4285.6m);
        await _observer.WaitForAsync(() => _exchange.OpenOrders.Count == 2, "quotes resting");

        // One-shot failures: the armed modify throws once, later ones go through. Fail, succeed, fail: never two in a
        // row (however many steps a slow machine needs), so with a limit of 2 the strategy keeps quoting.
        var armed = 1;
        _exchange.ModifyScript = _ => Interlocked.Exchange(ref armed, 0) == 1 ? throw new InvalidOperationException("flaky") : null;
        await StepUntilAsync(() => _runner.Maker!.Stats.FailedCycles == 1, "a first failed cycle");
        var modified = _exchange.ModifiedSoFar.Count;
        await StepUntilAsync(() => _exchange.ModifiedSoFar.Count > modified && !_run!.IsCompleted, "a good cycle after it");
        Volatile.Write(ref armed, 1);
        await StepUntilAsync(() => _runner.Maker!.Stats.FailedCycles == 2, "a second failed cycle");
        await StepUntilAsync(() => _exchange.ModifiedSoFar.Count > modified + 2, "quoting goes on");

        Assert.False(_run!.IsCompleted);
        Assert.False(_runner.Maker!.IsHalted);
    }
}
