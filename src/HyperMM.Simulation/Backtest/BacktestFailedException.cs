namespace HyperMM.Simulation.Backtest;

/// <summary>
/// A backtest could not run to its end: the strategy loop failed, halted, or stalled on something the simulation
/// does not drive. The message is one line naming the strategy and what happened.
/// </summary>
public sealed class BacktestFailedException : Exception
{
    public BacktestFailedException()
    {
    }

    public BacktestFailedException(string message)
        : base(message)
    {
    }

    public BacktestFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
