using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;

namespace HyperMM.Simulation.Matching;

/// <summary>An order inside the engine: resting, or kept after it ended for status lookups.</summary>
internal sealed class SimOrder
{
    public required Address Account { get; init; }

    public required Coin Coin { get; init; }

    public required OrderId OrderId { get; init; }

    public Cloid? Cloid { get; init; }

    public required Side Side { get; init; }

    public required decimal Price { get; init; }

    public required decimal OriginalSize { get; init; }

    public decimal Remaining { get; set; }

    public bool ReduceOnly { get; init; }

    public TimeInForce Tif { get; init; }

    public long TimeMs { get; init; }

    /// <summary>Outside (non-account) size still ahead of this order at its price.</summary>
    public decimal QueueAhead { get; set; }

    /// <summary>Outside volume traded at this order's price since the last outside snapshot.</summary>
    public decimal TradedSinceSnapshot { get; set; }

    public OrderState State { get; set; } = OrderState.Open;

    public string Status { get; set; } = "open";

    public long StatusTimeMs { get; set; }

    public decimal FilledSize => OriginalSize - Remaining;

    public OpenOrder ToOpenOrder() =>
        new(Coin, OrderId, Cloid, Side, Price, Remaining, OriginalSize, TimeMs, ReduceOnly);

    public OrderUpdate ToUpdate() => new(ToOpenOrder(), State, Status, StatusTimeMs);
}
