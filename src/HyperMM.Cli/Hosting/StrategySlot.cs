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

    /// <summary>Our orders still listed by the venue after shutdown (should be 0); null if it could not be checked.</summary>
    public int? OrdersLeft { get; set; }

    public StrategyStatus? Status => Runner?.Status;

    public SlotSnapshot Snapshot() => new(Name, Parameters.Coin.Name, Status, Error, OrdersLeft);
}
