using HyperMM.Core.Trading;
using HyperMM.Simulation.Market;

namespace HyperMM.Simulation.Backtest;

public sealed partial class SimulatedExchange
{
    private Task? _runner;
    private long _answered;

    /// <summary>Ties the strategy loop's task to the driver and waits until the loop first parks.</summary>
    public void AttachRunner(Task runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        _runner = runner;
        runner.ContinueWith(_ => { _state = RunnerState.Finished; _parked.Release(); }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        WaitForPark();
    }

    /// <summary>True once the strategy loop has ended.</summary>
    public bool RunnerFinished => _state == RunnerState.Finished;

    /// <summary>Applies one outside-market event at its time, after everything due before it.</summary>
    public void OnMarketEvent(in MarketEvent ev)
    {
        RunUntil(ev.TimeMs);
        _time.SetNow(ev.TimeMs);
        // One feed delay for the event and everything it causes (our fills, order updates): they reach the strategy
        // together, whatever the latency distribution.
        var due = _feed.Due(_time.NowMs);
        _eventDueMs = due;
        try
        {
            if (ev.Kind == MarketEventKind.Book)
            {
                Engine.ApplyOutsideBook(ev.Book!);
                if (_subscribed.Contains(ev.Book!.Coin))
                {
                    Deliver(due, new BookEvent(ev.Book), wakes: !BatchMarketEvents);
                }
            }
            else
            {
                Engine.ApplyOutsideTrade(ev.Trade);
                if (_subscribed.Contains(ev.Trade.Coin))
                {
                    Deliver(due, new TradesEvent([ev.Trade], due), wakes: !BatchMarketEvents);
                }
            }
        }
        finally
        {
            _eventDueMs = null;
        }
    }

    /// <summary>
    /// Processes everything due up to <paramref name="timeMs"/> in time order: order arrivals at the engine, answers
    /// back to the strategy, event deliveries, and the strategy's own timer. Each wake-up of the strategy loop is
    /// followed by waiting until it parks again.
    /// </summary>
    public void RunUntil(long timeMs)
    {
        while (_state != RunnerState.Finished)
        {
            var arrival = _arrivals.Count > 0 ? _arrivals.Peek().ArrivalMs : long.MaxValue;
            var response = _responses.Count > 0 ? _responses.Peek().ResponseMs : long.MaxValue;
            var delivery = _deliveries.Count > 0 ? _deliveries.Peek().DueMs : long.MaxValue;
            var timer = _state == RunnerState.WaitingForEvents ? _time.NextDueMs ?? long.MaxValue : long.MaxValue;
            var next = Math.Min(Math.Min(arrival, response), Math.Min(delivery, timer));
            if (next > timeMs)
            {
                return;
            }

            if (arrival == next)
            {
                _time.SetNow(next);
                var request = _arrivals.Dequeue();
                request.Execute();
                request.ResponseMs = _ack.Due(next);
                _responses.Enqueue(request);
            }
            else if (response == next)
            {
                _time.SetNow(next);
                var request = _responses.Dequeue();
                _answered++;
                _state = RunnerState.Running;
                request.Complete();
                WaitForPark();
            }
            else if (delivery == next)
            {
                // Everything due at this millisecond goes over together: a book that moved through our order
                // produces our fill before the book itself is queued, and the loop must not requote on the fill
                // while the book that caused it is still held back.
                _time.SetNow(next);
                var wakes = false;
                while (_deliveries.Count > 0 && _deliveries.Peek().DueMs == next)
                {
                    var (_, ev, wake) = _deliveries.Dequeue();
                    _staged.Add(ev);
                    wakes |= wake;
                }

                if (wakes)
                {
                    Flush();
                }
            }
            else
            {
                // The loop's own timer: hand over what is waiting, then let the timer wake it.
                MoveStaged();
                _state = RunnerState.Running;
                _time.AdvanceTo(next);
                WaitForPark();
            }
        }
    }

    /// <summary>
    /// Stops the strategy loop deterministically. Requests still in flight when the data ends are executed and
    /// answered at their own (latency) times after the last event, staged events are handed over (the loop may act
    /// on them, and what it then sends is answered too), and only then do order actions become immediate and
    /// <paramref name="stop"/> cancels the loop, which cancels its orders on the way out. Settling may run at most
    /// <see cref="SettleLimitMs"/> of simulated time past the end; a loop that is still waiting then, or that neither
    /// parks nor ends within <see cref="StallTimeout"/> of wall time, fails the run with a
    /// <see cref="BacktestFailedException"/> instead of hanging. Returns how many requests were answered after the end.
    /// </summary>
    public int Shutdown(Action stop)
    {
        ArgumentNullException.ThrowIfNull(stop);
        var answeredBefore = _answered;
        var limitMs = _time.NowMs + SettleLimitMs;
        Settle(limitMs);
        Flush();
        Settle(limitMs);
        var settled = (int)(_answered - answeredBefore);
        Immediate = true;
        stop();
        if (_runner is null)
        {
            return settled;
        }

        if (!WaitQuietly(_runner))
        {
            throw Stalled("did not stop after it was cancelled");
        }

        if (_runner.Exception is { } failure)
        {
            var inner = failure.InnerExceptions.Count == 1 ? failure.InnerExceptions[0] : failure;
            throw inner as BacktestFailedException ?? new BacktestFailedException($"the strategy loop failed: {inner.Message}", inner);
        }

        return settled;
    }

    /// <summary>Answers every request in flight, in time order, until the loop waits for events again (or ends).</summary>
    private void Settle(long limitMs)
    {
        while (_state == RunnerState.WaitingForResponse)
        {
            var arrival = _arrivals.Count > 0 ? _arrivals.Peek().ArrivalMs : long.MaxValue;
            var response = _responses.Count > 0 ? _responses.Peek().ResponseMs : long.MaxValue;
            var next = Math.Min(arrival, response);
            if (next == long.MaxValue)
            {
                throw Stalled("waits for an answer to a request that is not in flight");
            }

            if (next > limitMs)
            {
                throw Stalled(FormattableString.Invariant($"still had requests in flight {SettleLimitMs / 1000} s (simulated) after the data ended"));
            }

            RunUntil(next);
        }
    }

    private bool WaitQuietly(Task runner)
    {
        try
        {
            return runner.Wait(StallTimeout);
        }
        catch (AggregateException)
        {
            return true; // ended by an exception: reported by the caller
        }
    }

    private BacktestFailedException Stalled(string what) =>
        new(FormattableString.Invariant($"the strategy loop {what} (simulated time {DateTimeOffset.FromUnixTimeMilliseconds(_time.NowMs):yyyy-MM-dd HH:mm:ss.fff} UTC); the backtest stops instead of hanging"));

    /// <summary>Hands staged events to the loop and, if it is waiting for events, wakes it now (by firing its timer early).</summary>
    private void Flush()
    {
        MoveStaged();
        if (_state == RunnerState.WaitingForEvents && _runnerTimer is { } timer)
        {
            _state = RunnerState.Running;
            _time.FireNow(timer);
            WaitForPark();
        }
    }

    private void MoveStaged()
    {
        foreach (var ev in _staged)
        {
            _events.Enqueue(ev);
        }

        _staged.Clear();
    }

    private void WaitForPark()
    {
        if (_state == RunnerState.Finished)
        {
            return;
        }

        if (!_parked.Wait(StallTimeout) && _state != RunnerState.Finished)
        {
            throw Stalled(FormattableString.Invariant($"neither waited for the simulation nor ended within {StallTimeout.TotalSeconds:0} s of wall time: it waits on something the simulation does not drive"));
        }
    }
}
