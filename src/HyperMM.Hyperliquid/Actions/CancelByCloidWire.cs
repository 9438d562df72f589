using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Wire;

namespace HyperMM.Hyperliquid.Actions;

/// <summary>One cancel by client id: <c>{"asset":asset,"cloid":"0x…"}</c> (long key names).</summary>
public sealed record CancelByCloidWire(AssetId Asset, Cloid Cloid) : IWireItem
{
    public void Write(IWireWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.BeginMap(2);
        writer.Key("asset");
        writer.IntegerValue(Asset.Value);
        writer.Key("cloid");
        writer.StringValue(Cloid.ToString());
        writer.EndMap();
    }
}
