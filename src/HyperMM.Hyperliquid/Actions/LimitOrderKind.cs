using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Wire;

namespace HyperMM.Hyperliquid.Actions;

/// <summary><c>{"limit":{"tif":"Alo"|"Gtc"|"Ioc"}}</c>.</summary>
public sealed record LimitOrderKind(TimeInForce Tif) : OrderKind
{
    public override void Write(IWireWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.BeginMap(1);
        writer.Key("limit");
        writer.BeginMap(1);
        writer.Key("tif");
        writer.StringValue(WireNames.Tif(Tif));
        writer.EndMap();
        writer.EndMap();
    }
}
