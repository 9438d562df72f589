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

    /// <summary>Value equality over the list's items (a record would compare the list reference).</summary>
    public bool Equals(OrderAction? other)
        => other is not null && Grouping == other.Grouping && Orders.SequenceEqual(other.Orders);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Grouping);
        foreach (var item in Orders)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}
