using HyperMM.Core.Primitives;

namespace HyperMM.Core.Strategy;

/// <summary>The strategy's live orders, by cloid and by venue oid.</summary>
public sealed class OrderTracker
{
    private readonly Dictionary<Cloid, ManagedOrder> _byCloid = [];
    private readonly Dictionary<OrderId, ManagedOrder> _byOid = [];

    public int Count => _byCloid.Count;

    public IEnumerable<ManagedOrder> All => _byCloid.Values;

    public void Add(ManagedOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        _byCloid.Add(order.Cloid, order);
        if (order.OrderId is { } oid)
        {
            _byOid[oid] = order;
        }
    }

    public void SetOrderId(ManagedOrder order, OrderId oid)
    {
        ArgumentNullException.ThrowIfNull(order);
        order.OrderId = oid;
        _byOid[oid] = order;
    }

    public ManagedOrder? Find(Cloid? cloid, OrderId? oid)
    {
        if (cloid is { } c && _byCloid.TryGetValue(c, out var byCloid))
        {
            return byCloid;
        }

        return oid is { } o && _byOid.TryGetValue(o, out var byOid) ? byOid : null;
    }

    public bool Remove(ManagedOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.OrderId is { } oid)
        {
            _byOid.Remove(oid);
        }

        return _byCloid.Remove(order.Cloid);
    }

    public void Clear()
    {
        _byCloid.Clear();
        _byOid.Clear();
    }

    /// <summary>Size on one side that is or may be on the book (ambiguous orders count: caps stay safe).</summary>
    public decimal OpenSize(Side side)
    {
        var total = 0m;
        foreach (var order in _byCloid.Values)
        {
            if (order.Side == side)
            {
                total += order.Remaining;
            }
        }

        return total;
    }

    public bool HasAmbiguous()
    {
        foreach (var order in _byCloid.Values)
        {
            if (order.State == ManagedOrderState.Ambiguous)
            {
                return true;
            }
        }

        return false;
    }
}
