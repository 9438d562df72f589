using HyperMM.Core.Trading;
using HyperMM.Simulation.Market;

namespace HyperMM.Simulation.Backtest;

public sealed partial class SimulatedExchange
{
    private Task? _runner;

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
        if (ev.Kind == MarketEventKind.Book)
        {
            Engine.ApplyOutsideBook(ev.Book!);
            if (_subscribed.Contains(ev.Book!.Coin))
            {
                Deliver(FeedDue(), new BookEvent(ev.Book), wakes: !BatchMarketEvents);
            }
        }
        else
        {
            Engine.ApplyOutsideTrade(ev.Trade);
            if (_subscribed.Contains(ev.Trade.Coin))
            {
                var due = FeedDue();
                Deliver(due, new TradesEvent([ev.Trade], due), wakes: !BatchMarketEvents);
            }
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
                _state = RunnerState.Running;
                request.Complete();
                WaitForPark();
            }
            else if (delivery == next)
            {
                _time.SetNow(next);
                var (_, ev, wakes) = _deliveries.Dequeue();
                _staged.Add(ev);
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

    /// <summary>Stops the strategy loop: order actions become immediate, then <paramref name="stop"/> cancels the loop.</summary>
    public void Shutdown(Action stop)
    {
        ArgumentNullException.ThrowIfNull(stop);
        Flush();
        Immediate = true;
        stop();
        try
        {
            _runner?.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // the loop ends by cancellation
        }
    }

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

        _parked.Wait();
    }
}
