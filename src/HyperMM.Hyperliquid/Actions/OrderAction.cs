using HyperMM.Hyperliquid.Wire;

namespace HyperMM.Hyperliquid.Actions;

/// <summary><c>{"type":"order","orders":[…],"grouping":"na"}</c>.</summary>
public sealed record OrderAction(IReadOnlyList<OrderWire> Orders, OrderGrouping Grouping = OrderGrouping.Na) : HyperliquidAction
{
    public override string Type => "order";

    public override void Write(IWireWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.BeginMap(3);
        writer.Key("type");
        writer.StringValue(Type);
        writer.Key("orders");
        writer.BeginArray(Orders.Count);
        foreach (var order in Orders)
        {
            order.Write(writer);
        }

        writer.EndArray();
        writer.Key("grouping");
        writer.StringValue(WireNames.Grouping(Grouping));
        writer.EndMap();
    }
}
