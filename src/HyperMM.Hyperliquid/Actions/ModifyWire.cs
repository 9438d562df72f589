using HyperMM.Hyperliquid.Wire;

namespace HyperMM.Hyperliquid.Actions;

/// <summary>One entry of a batchModify: <c>{"oid":oid|cloid,"order":{…}}</c>.</summary>
public sealed record ModifyWire(OrderRef Oid, OrderWire Order)
{
    public void Write(IWireWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.BeginMap(2);
        writer.Key("oid");
        Oid.Write(writer);
        writer.Key("order");
        Order.Write(writer);
        writer.EndMap();
    }
}
