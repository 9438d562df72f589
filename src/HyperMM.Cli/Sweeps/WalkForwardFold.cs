using HyperMM.Simulation.Backtest;
using HyperMM.Simulation.Calibration;

namespace HyperMM.Cli.Sweeps;

/// <summary>
/// One fold's outcome: the calibration of its train window (null with calibrate=off), the keys chosen (calibrated
/// and swept, with their final values), the in-sample ranking of the grid on the train window, and the chosen
/// point's run on the test window, from flat.
/// </summary>
public sealed record WalkForwardFold(
    WalkForwardWindow Window,
    CoinCalibration? Calibration,
    IReadOnlyList<(string Key, double Value)> Chosen,
    SweepRanking InSample,
    BacktestResult OutOfSample)
{
    public string ChosenLabel => Chosen.Count == 0 ? "as configured" : SweepSpec.Describe(Chosen);
}
