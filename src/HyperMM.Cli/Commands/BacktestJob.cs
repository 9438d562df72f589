using HyperMM.Core.Instruments;
using HyperMM.Core.Model;
using HyperMM.Simulation.Market;

namespace HyperMM.Cli.Commands;

/// <summary>One backtest to run: parameters, instrument, the events (shared read-only between jobs) and a label for errors.</summary>
public sealed record BacktestJob(StrategyParameters Parameters, InstrumentSpec Instrument, IReadOnlyList<MarketEvent> Events, string Label);
