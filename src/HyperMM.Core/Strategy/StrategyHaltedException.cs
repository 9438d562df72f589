namespace HyperMM.Core.Strategy;

/// <summary>
/// The strategy stopped itself (for example after too many failed cycles in a row): its orders were cancelled and
/// the run must end with a failure that names the strategy and the reason.
/// </summary>
public sealed class StrategyHaltedException : Exception
{
    public StrategyHaltedException()
    {
    }

    public StrategyHaltedException(string message)
        : base(message)
    {
    }

    public StrategyHaltedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
