namespace HyperMM.Simulation.Backtest;

/// <summary>A strategy request in flight: it reaches the engine at <see cref="ArrivalMs"/>, its answer is back at <see cref="ResponseMs"/>.</summary>
internal sealed class PendingRequest(long arrivalMs, Action execute, Action complete)
{
    public long ArrivalMs { get; } = arrivalMs;

    public long ResponseMs { get; set; } = long.MaxValue;

    public bool Executed { get; private set; }

    public void Execute()
    {
        execute();
        Executed = true;
    }

    public void Complete() => complete();
}
