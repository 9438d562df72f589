using HyperMM.Core.Instruments;
using HyperMM.Core.Model;
using HyperMM.Simulation.Market;

namespace HyperMM.Cli.Commands;

/// <summary>One strategy with the instrument and the market events it is replayed against.</summary>
public sealed record BacktestRun(StrategyParameters Parameters, InstrumentSpec Instrument, IReadOnlyList<MarketEvent> Events);
