namespace HyperMM.Simulation.Backtest;

/// <summary>Where the strategy loop is parked.</summary>
internal enum RunnerState
{
    Running = 0,
    WaitingForEvents = 1,
    WaitingForResponse = 2,
    Finished = 3,
}
