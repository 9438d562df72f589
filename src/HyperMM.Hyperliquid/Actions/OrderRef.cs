using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Wire;

namespace HyperMM.Hyperliquid.Actions;

/// <summary>The <c>oid</c> of a modify: either the venue oid (integer) or the client id (cloid string).</summary>
public readonly record struct OrderRef
{
    private OrderRef(OrderId? oid, Cloid? cloid)
    {
        Oid = oid;
        Cloid = cloid;
    }

    public OrderId? Oid { get; }

    public Cloid? Cloid { get; }

    public static OrderRef ById(OrderId oid) => new(oid, null);

    public static OrderRef ByCloid(Cloid cloid) => new(null, cloid);

    public void Write(IWireWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (Oid is { } oid)
        {
            writer.IntegerValue(oid.Value);
        }
        else if (Cloid is { } cloid)
        {
            writer.StringValue(cloid.ToString());
        }
        else
        {
            throw new InvalidOperationException("An OrderRef needs an oid or a cloid.");
        }
    }

    public override string ToString() => Oid?.ToString() ?? Cloid?.ToString() ?? "(none)";
}
