using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;

namespace HyperMM.Simulation.Matching;

/// <summary>Everything the engine keeps per account.</summary>
internal sealed class AccountLedger(Address address)
{
    public Address Address { get; } = address;

    public decimal Deposits { get; set; }

    public decimal CumulativeVolumeUsd { get; set; }

    public List<Fill> Fills { get; } = [];

    public Dictionary<Coin, PositionState> Positions { get; } = [];

    public Dictionary<Coin, int> Leverage { get; } = [];

    /// <summary>Coins set to isolated margin (all others are cross, the venue's default).</summary>
    public HashSet<Coin> Isolated { get; } = [];

    public Dictionary<long, SimOrder> OpenOrders { get; } = [];

    public Dictionary<Cloid, SimOrder> ByCloid { get; } = [];

    public long? ScheduledCancelMs { get; set; }

    public int ScheduledCancelTriggers { get; set; }

    public PositionState Position(Coin coin)
    {
        if (!Positions.TryGetValue(coin, out var position))
        {
            position = new PositionState();
            Positions[coin] = position;
        }

        return position;
    }

    public bool IsIsolated(Coin coin) => Isolated.Contains(coin);

    public decimal SizeOf(Coin coin) => Positions.TryGetValue(coin, out var p) ? p.Size : 0m;
}
