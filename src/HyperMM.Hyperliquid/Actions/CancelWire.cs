using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Wire;

namespace HyperMM.Hyperliquid.Actions;

/// <summary>One cancel by oid: <c>{"a":asset,"o":oid}</c>.</summary>
public sealed record CancelWire(AssetId Asset, OrderId Oid) : IWireItem
{
    public void Write(IWireWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.BeginMap(2);
        writer.Key("a");
        writer.IntegerValue(Asset.Value);
        writer.Key("o");
        writer.IntegerValue(Oid.Value);
        writer.EndMap();
    }
}
