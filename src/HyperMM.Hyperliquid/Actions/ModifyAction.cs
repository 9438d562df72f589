using HyperMM.Hyperliquid.Wire;

namespace HyperMM.Hyperliquid.Actions;

/// <summary><c>{"type":"modify","oid":…,"order":{…}}</c> plus a trailing <c>"a":true</c> only when <see cref="AlwaysPlace"/>.</summary>
public sealed record ModifyAction(OrderRef Oid, OrderWire Order, bool AlwaysPlace = false) : HyperliquidAction
{
    public override string Type => "modify";

    public override void Write(IWireWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.BeginMap(AlwaysPlace ? 4 : 3);
        writer.Key("type");
        writer.StringValue(Type);
        writer.Key("oid");
        Oid.Write(writer);
        writer.Key("order");
        Order.Write(writer);
        if (AlwaysPlace)
        {
            writer.Key("a");
            writer.BoolValue(true);
        }

        writer.EndMap();
    }
}
