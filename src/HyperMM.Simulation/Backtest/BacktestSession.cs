using HyperMM.Core.Instruments;
using HyperMM.Core.Model;
using HyperMM.Core.Primitives;
using HyperMM.Core.Strategy;
using HyperMM.Simulation.Market;
using HyperMM.Simulation.Matching;

namespace HyperMM.Simulation.Backtest;

/// <summary>
/// Runs one strategy through Core's <see cref="StrategyRunner"/> (the live loop) against recorded or synthetic
/// market events on simulated time, and returns what it did.
/// </summary>
public static class BacktestSession
{
    /// <summary>The account every backtest trades from.</summary>
    public static Address SimulatedAccount { get; } = Address.Parse("0x00000000000000000000000000000000000b4c7e");

    public static BacktestResult Run(StrategyParameters parameters, InstrumentSpec instrument, IReadOnlyList<MarketEvent> events, BacktestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(events);
        options ??= new BacktestOptions();
        if (events.Count == 0)
        {
            throw new ArgumentException("No market events to replay.", nameof(events));
        }

        var startMs = events[0].TimeMs;
        var time = new SimulationTimeProvider(startMs);
        var recorder = new BacktestRecorder();
        SimulatedExchange? exchange = null;
        var engine = new MatchingEngine([instrument],
            new MatchingEngineOptions { Fees = options.Fees, QueueModel = options.QueueModel, PublishBooks = false },
            new ForwardingSink(() => exchange!.Sink), time);
        exchange = new SimulatedExchange(engine, time, SimulatedAccount, options.Latency, options.BatchMarketEvents);
        engine.Deposit(SimulatedAccount, options.InitialUsdc);
        recorder.Inventory.Add(new InventoryPoint(startMs, 0m));

        var runner = new StrategyRunner(parameters, exchange, time, recorder,
            new StrategyRunnerOptions { RunId = options.RunId, DeadManRefresh = TimeSpan.FromDays(365) });
        using var stop = new CancellationTokenSource();
        long count;
        long endMs;
        MarketMaker? maker;
        try
        {
            (count, endMs) = Drive(runner, exchange, time, instrument.Coin, events, stop.Token);
            maker = runner.Maker;
            var settled = exchange.Shutdown(stop.Cancel);
            if (settled > 0)
            {
                recorder.Notes.Add(FormattableString.Invariant(
                    $"{endMs} end of data: {settled} request(s) in flight were executed and answered after the last event, then the orders were cancelled"));
            }
        }
        catch (BacktestFailedException ex)
        {
            throw new BacktestFailedException($"{parameters.Name} on {instrument.Coin}: {ex.Message}", ex);
        }

        return Summarise(parameters, instrument, engine, exchange, maker, recorder, startMs, endMs, count);
    }

    /// <summary>Replays the events of the strategy's coin; returns how many were applied and the time of the last one.</summary>
    private static (long Count, long EndMs) Drive(StrategyRunner runner, SimulatedExchange exchange, SimulationTimeProvider time,
        Coin coin, IReadOnlyList<MarketEvent> events, CancellationToken stop)
    {
        // Started on this thread: it runs until it first parks (the driver then owns time).
        exchange.AttachRunner(runner.RunAsync(stop));
        var count = 0L;
        foreach (var ev in events)
        {
            if (ev.Coin != coin)
            {
                continue;
            }

            exchange.OnMarketEvent(ev);
            count++;
            if (exchange.RunnerFinished)
            {
                break;
            }
        }

        var endMs = time.NowMs;
        exchange.RunUntil(endMs);
        return (count, endMs);
    }

    private static BacktestResult Summarise(StrategyParameters parameters, InstrumentSpec instrument, MatchingEngine engine,
        SimulatedExchange exchange, MarketMaker? maker, BacktestRecorder recorder, long startMs, long endMs, long count)
    {
        var position = engine.GetPosition(SimulatedAccount, instrument.Coin);
        var fills = recorder.Fills;
        var volume = fills.Sum(f => f.Price * f.Size);
        var spread = fills.Where(f => f.Maker && f.MidAtFill > 0m).Sum(f => Math.Abs(f.Price - f.MidAtFill) * f.Size);
        var stats = maker?.Stats;
        var minutes = Math.Max(1e-9, (endMs - startMs) / 60_000.0);
        var summary = new BacktestSummary(
            fills.Count,
            fills.Count(f => f.Maker),
            volume,
            position.RealizedPnl,
            position.UnrealizedPnl,
            position.FeesPaid,
            position.RealizedPnl + position.UnrealizedPnl - position.FeesPaid,
            spread,
            position.Size,
            recorder.Inventory.Count == 0 ? 0m : recorder.Inventory.Max(p => Math.Abs(p.Position)),
            TimeWeightedAbs(recorder.Inventory, endMs),
            (stats?.FillPressureMs ?? 0) / 1000.0,
            exchange.RequestsSent,
            stats?.Requotes ?? 0,
            (stats?.Requotes ?? 0) / minutes,
            recorder.Rejections,
            recorder.ClientBugRejections,
            string.Join(", ", recorder.RejectionsByReason.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => FormattableString.Invariant($"{r.Key} {r.Value}"))),
            (endMs - startMs) / 1000.0);
        return new BacktestResult(parameters.Name, instrument.Coin, startMs, endMs, count, summary,
            [.. fills], [.. recorder.Quotes], [.. recorder.Inventory], [.. recorder.Notes]);
    }

    /// <summary>∫|q| dt / T over the inventory step function.</summary>
    private static decimal TimeWeightedAbs(List<InventoryPoint> points, long endMs)
    {
        if (points.Count == 0 || endMs <= points[0].TimeMs)
        {
            return 0m;
        }

        var integral = 0m;
        for (var i = 0; i < points.Count; i++)
        {
            var until = i + 1 < points.Count ? points[i + 1].TimeMs : endMs;
            integral += Math.Abs(points[i].Position) * (until - points[i].TimeMs);
        }

        return integral / (endMs - points[0].TimeMs);
    }
}
