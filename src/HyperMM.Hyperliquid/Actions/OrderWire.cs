using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Wire;

namespace HyperMM.Hyperliquid.Actions;

/// <summary>
/// One order in an <c>order</c>/<c>modify</c>/<c>batchModify</c> action:
/// <c>{"a","b","p","s","r","t"[,"c"]}</c> in that order; <c>c</c> omitted when there is no cloid.
/// </summary>
public sealed record OrderWire(AssetId Asset, bool IsBuy, decimal Price, decimal Size, bool ReduceOnly, OrderKind Kind, Cloid? Cloid = null)
{
    public void Write(IWireWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.BeginMap(Cloid is null ? 6 : 7);
        writer.Key("a");
        writer.IntegerValue(Asset.Value);
        writer.Key("b");
        writer.BoolValue(IsBuy);
        writer.Key("p");
        writer.NumberValue(Price);
        writer.Key("s");
        writer.NumberValue(Size);
        writer.Key("r");
        writer.BoolValue(ReduceOnly);
        writer.Key("t");
        Kind.Write(writer);
        if (Cloid is { } cloid)
        {
            writer.Key("c");
            writer.StringValue(cloid.ToString());
        }

        writer.EndMap();
    }
}
