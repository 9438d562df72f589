using HyperMM.Cli.Hosting;
using HyperMM.Cli.Output;
using HyperMM.Core.Strategy;
using Prometheus;

namespace HyperMM.Cli.Dashboard;

/// <summary>
/// The Prometheus figures of a live run (<c>/metrics</c> beside the dashboard), labelled <c>strategy</c> and
/// <c>coin</c>. Read at each scrape from the same snapshots the console table reads (<see cref="SlotSnapshot"/>: the
/// strategy's status and its ledger figures), so a monitor and the table never disagree. Names and meanings:
/// docs/OPERATIONS.md, "Metrics".
/// </summary>
public sealed class RunMetrics
{
    private static readonly string[] Labels = ["strategy", "coin"];
    private readonly Func<IReadOnlyList<SlotSnapshot>> _read;
    private readonly Gauge _up;
    private readonly Gauge _position;
    private readonly Gauge _positionCap;
    private readonly Gauge _pnl;
    private readonly Gauge _fees;
    private readonly Counter _fills;
    private readonly Counter _requests;
    private readonly Counter _rejections;
    private readonly Gauge _budgetLeft;
    private readonly Gauge _tickToOrder;
    private readonly Gauge _tickToOrderLast;

    public RunMetrics(Func<IReadOnlyList<SlotSnapshot>> read)
    {
        _read = read ?? throw new ArgumentNullException(nameof(read));
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);
        _up = factory.CreateGauge("hypermm_strategy_up", "1 while the strategy runs (connected, not halted, not failed), else 0.", Labels);
        _position = factory.CreateGauge("hypermm_position", "Position in coin units, signed (ledger).", Labels);
        _positionCap = factory.CreateGauge("hypermm_position_cap", "Configured maximum absolute position, coin units.", Labels);
        _pnl = factory.CreateGauge("hypermm_pnl_usd", "Total PnL in USD: spread capture + inventory PnL - fees (ledger, this run).", Labels);
        _fees = factory.CreateGauge("hypermm_fees_usd", "Fees paid in USD, negative for net rebates (ledger, this run).", Labels);
        _fills = factory.CreateCounter("hypermm_fills_total", "Fills this run (ledger).", Labels);
        _requests = factory.CreateCounter("hypermm_requests_sent_total", "Actions sent, counted as the venue's address budget counts them (a batch of n is n).", Labels);
        _rejections = factory.CreateCounter("hypermm_rejections_total", "Orders and cancels the venue rejected this run.", Labels);
        _budgetLeft = factory.CreateGauge("hypermm_request_budget_left", "Address requests left (venue userRateLimit: cap - used) as last read; absent before the first read.", Labels);
        _tickToOrder = factory.CreateGauge("hypermm_tick_to_order_seconds", "Tick-to-order time of the live loop over the last 256 requotes, by quantile (0.5, 0.99).", ["strategy", "coin", "quantile"]);
        _tickToOrderLast = factory.CreateGauge("hypermm_tick_to_order_last_seconds", "Tick-to-order time of the last requote.", Labels);
        Registry.AddBeforeCollectCallback(Update);
    }

    public CollectorRegistry Registry { get; }

    private void Update()
    {
        foreach (var slot in _read())
        {
            string[] labels = [slot.Name, slot.Coin];
            var s = slot.Status;
            _up.WithLabels(labels).Set(slot.Error is null && s is { Mode: not (StrategyMode.Halted or StrategyMode.Stopped) } ? 1 : 0);
            if (s is null)
            {
                continue;
            }

            var f = s.Figures;
            _position.WithLabels(labels).Set((double)s.Position);
            _positionCap.WithLabels(labels).Set((double)s.MaxAbsPosition);
            _pnl.WithLabels(labels).Set((double)f.TotalPnl);
            _fees.WithLabels(labels).Set((double)f.Fees);
            _fills.WithLabels(labels).IncTo(f.Fills);
            _requests.WithLabels(labels).IncTo(f.Counters.Requests);
            _rejections.WithLabels(labels).IncTo(f.Counters.RejectionCount);
            if (s.Budget is { } budget)
            {
                _budgetLeft.WithLabels(labels).Set(budget.Remaining);
            }

            if (s.Latency is { } latency)
            {
                _tickToOrder.WithLabels(slot.Name, slot.Coin, "0.5").Set(latency.P50Ms / 1000.0);
                _tickToOrder.WithLabels(slot.Name, slot.Coin, "0.99").Set(latency.P99Ms / 1000.0);
                _tickToOrderLast.WithLabels(labels).Set(latency.LastMs / 1000.0);
            }
        }
    }
}
