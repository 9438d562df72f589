using System.Globalization;
using HyperMM.Core.Accounting;
using HyperMM.Core.Instruments;
using HyperMM.Core.Model;
using HyperMM.Core.Primitives;
using HyperMM.Core.Strategy;
using HyperMM.Simulation.Market;
using HyperMM.Simulation.Matching;

namespace HyperMM.Simulation.Backtest;

/// <summary>
/// Runs one strategy through Core's <see cref="StrategyRunner"/> (the live loop) against recorded or synthetic
/// market events on simulated time, and returns what it did. Data with gaps longer than
/// <see cref="BacktestOptions.MaxGap"/> is split into segments, each run by a fresh strategy (new engine, flat
/// account, cold volatility estimate, fill-pressure clock from the segment's start); the figures are the sum.
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
        // Sweeps and walk-forwards run many backtests over one shared event list: copy it only when it holds other coins.
        var mine = events.All(e => e.Coin == instrument.Coin) ? events : events.Where(e => e.Coin == instrument.Coin).ToList();
        if (mine.Count == 0)
        {
            throw new ArgumentException($"No {instrument.Coin} market events to replay.", nameof(events));
        }

        var stretches = Split(mine, options.MaxGap);
        var segments = new List<BacktestSegment>(stretches.Count);
        var fills = new List<BacktestFill>();
        var quotes = new List<QuotePoint>();
        var inventory = new List<InventoryPoint>();
        var notes = new List<string>();
        long clientBugs = 0;
        if (stretches.Count > 1)
        {
            notes.Add(FormattableString.Invariant(
                $"{mine[0].TimeMs} info: data split into {stretches.Count} segments at gaps longer than {options.MaxGap!.Value.TotalSeconds:0.###} s; each starts flat with a fresh strategy"));
        }

        for (var i = 0; i < stretches.Count; i++)
        {
            var stretch = stretches[i];
            var prefix = stretches.Count > 1 ? $"segment {i + 1}: " : string.Empty;
            var span = stretch[^1].TimeMs - stretch[0].TimeMs;
            if (stretches.Count > 1 && span < options.MinSegment.TotalMilliseconds)
            {
                var reason = FormattableString.Invariant($"{span / 1000.0:0.###} s of data, shorter than the {options.MinSegment.TotalSeconds:0.###} s minimum");
                notes.Add(FormattableString.Invariant($"{stretch[0].TimeMs} info: {prefix}skipped: {reason}"));
                var empty = new LedgerWindow($"segment {i + 1}", stretch[0].TimeMs, stretch[0].TimeMs, [], LedgerCounters.None);
                segments.Add(new BacktestSegment(i + 1, stretch[0].TimeMs, stretch[^1].TimeMs, stretch.Count, empty.Figures(), empty, reason));
                continue;
            }

            var (segment, recorder) = RunSegment(parameters, instrument, stretch, options, i + 1);
            segments.Add(segment);
            fills.AddRange(recorder.Fills);
            quotes.AddRange(recorder.Quotes);
            inventory.AddRange(recorder.Inventory);
            notes.AddRange(recorder.Notes.Select(n => prefix + n));
            clientBugs += recorder.ClientBugRejections;
        }

        var figures = LedgerFigures.Combine([.. segments.Where(s => s.Skipped is null).Select(s => s.Figures)]);
        return new BacktestResult(parameters.Name, instrument.Coin, mine[0].TimeMs, mine[^1].TimeMs, segments.Sum(s => s.MarketEvents), figures, clientBugs,
            segments, fills, quotes, inventory, notes);
    }

    /// <summary>Splits time-ordered events wherever two consecutive ones are more than <paramref name="maxGap"/> apart.</summary>
    public static IReadOnlyList<IReadOnlyList<MarketEvent>> Split(IReadOnlyList<MarketEvent> events, TimeSpan? maxGap)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (maxGap is null || events.Count == 0)
        {
            return [events];
        }

        var limit = (long)maxGap.Value.TotalMilliseconds;
        var gapless = true;
        for (var i = 1; i < events.Count && gapless; i++)
        {
            gapless = events[i].TimeMs - events[i - 1].TimeMs <= limit;
        }

        if (gapless)
        {
            return [events];
        }

        var result = new List<IReadOnlyList<MarketEvent>>();
        var current = new List<MarketEvent> { events[0] };
        for (var i = 1; i < events.Count; i++)
        {
            if (events[i].TimeMs - events[i - 1].TimeMs > limit)
            {
                result.Add(current);
                current = [];
            }

            current.Add(events[i]);
        }

        result.Add(current);
        return result;
    }

    private static (BacktestSegment Segment, BacktestRecorder Recorder) RunSegment(
        StrategyParameters parameters, InstrumentSpec instrument, IReadOnlyList<MarketEvent> events, BacktestOptions options, int number)
    {
        var startMs = events[0].TimeMs;
        var time = new SimulationTimeProvider(startMs);
        var recorder = new BacktestRecorder();
        var exchange = SimulatedExchange.Create([instrument],
            new MatchingEngineOptions { Fees = options.Fees, QueueModel = options.QueueModel, PublishBooks = false },
            time, SimulatedAccount, options.Latency, options.BatchMarketEvents);
        exchange.Engine.Deposit(SimulatedAccount, options.InitialUsdc);
        recorder.Inventory.Add(new InventoryPoint(startMs, 0m));

        var observer = options.Observer is null ? (IStrategyObserver)recorder : new CompositeStrategyObserver(recorder, options.Observer);
        var runner = new StrategyRunner(parameters, exchange, time, observer,
            new StrategyRunnerOptions { RunId = options.RunId, DeadManRefresh = TimeSpan.FromDays(365) });
        using var stop = new CancellationTokenSource();
        long count;
        long endMs;
        MarketMaker? maker;
        try
        {
            (count, endMs) = Drive(runner, exchange, time, events, stop.Token);
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

        // The final status (after the shutdown's cancels) carries the ledger's figures; its entries replay to the same.
        var status = recorder.LastStatus;
        var asOf = status?.TimeMs ?? endMs;
        var figures = status?.Figures ?? maker?.Figures(endMs) ?? new TradeLedger(startMs).Figures(endMs);
        var window = new LedgerWindow(
            string.Create(CultureInfo.InvariantCulture, $"segment {number}"), maker?.Ledger.OpenedMs ?? startMs, asOf, [.. recorder.Entries], figures.Counters);
        return (new BacktestSegment(number, startMs, endMs, count, figures, window), recorder);
    }

    /// <summary>Replays the events (all of the strategy's coin); returns how many were applied and the time of the last one.</summary>
    private static (long Count, long EndMs) Drive(StrategyRunner runner, SimulatedExchange exchange, SimulationTimeProvider time,
        IReadOnlyList<MarketEvent> events, CancellationToken stop)
    {
        // Started on this thread: it runs until it first parks (the driver then owns time).
        exchange.AttachRunner(runner.RunAsync(stop));
        var count = 0L;
        foreach (var ev in events)
        {
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
}
