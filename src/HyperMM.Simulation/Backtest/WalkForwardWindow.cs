using HyperMM.Simulation.Market;

namespace HyperMM.Simulation.Backtest;

/// <summary>
/// One fold of a walk-forward: the train window [<see cref="TrainStartMs"/>, <see cref="TestStartMs"/>) and the test
/// window right after it, [<see cref="TestStartMs"/>, <see cref="TestEndMs"/>), both inside one stretch of data
/// without a gap, with their events.
/// </summary>
public sealed record WalkForwardWindow(int Number, long TrainStartMs, long TestStartMs, long TestEndMs, IReadOnlyList<MarketEvent> Train, IReadOnlyList<MarketEvent> Test)
{
    public long TrainEndMs => TestStartMs;
}
