using HyperMM.Cli.Output;
using HyperMM.Core.Model;
using HyperMM.Core.Strategy;
using HyperMM.Core.Trading;

namespace HyperMM.Cli.Hosting;

/// <summary>One strategy inside a run: its parameters, and once connected its exchange session and runner.</summary>
public sealed class StrategySlot(StrategyParameters parameters)
{
    public StrategyParameters Parameters { get; } = parameters;

    public string Name => Parameters.Name;

    public IExchange? Exchange { get; set; }

    public StrategyRunner? Runner { get; set; }

    /// <summary>Why the strategy did not start or stopped early (null while fine).</summary>
    public string? Error { get; set; }

    /// <summary>The strategy stopped because the venue could not be reached (exit code 3).</summary>
    public bool Unreachable { get; set; }

    /// <summary>Our orders still listed by the venue after shutdown (should be 0); null if it could not be checked.</summary>
    public int? OrdersLeft { get; set; }

    public StrategyStatus? Status => Runner?.Status;

    public SlotSnapshot Snapshot() => new(Name, Parameters.Coin.Name, Status, Error, OrdersLeft);

    /// <summary>The strategy's part of the run is over: its loop ended and its orders were counted (or could not be).</summary>
    public bool Finished
    {
        get => Volatile.Read(ref _finished);
        set => Volatile.Write(ref _finished, value);
    }

    private bool _finished;
}
