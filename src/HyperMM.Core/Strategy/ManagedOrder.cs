using HyperMM.Core.Primitives;

namespace HyperMM.Core.Strategy;

/// <summary>One of the strategy's own live orders. Owned and mutated only by the strategy's loop.</summary>
public sealed class ManagedOrder
{
    public ManagedOrder(Cloid cloid, Side side, decimal price, decimal size, TimeInForce tif, bool reduceOnly, long createdMs)
    {
        Cloid = cloid;
        Side = side;
        Price = price;
        Size = size;
        Remaining = size;
        Tif = tif;
        ReduceOnly = reduceOnly;
        CreatedMs = createdMs;
    }

    public Cloid Cloid { get; }

    public OrderId? OrderId { get; set; }

    public Side Side { get; }

    public decimal Price { get; }

    public decimal Size { get; }

    public decimal Remaining { get; set; }

    public TimeInForce Tif { get; }

    public bool ReduceOnly { get; }

    public long CreatedMs { get; }

    public ManagedOrderState State { get; set; }

    public override string ToString() =>
        FormattableString.Invariant($"{Side} {Remaining}/{Size} @ {Price} {Tif}{(ReduceOnly ? " RO" : string.Empty)} {State} {Cloid}");
}
