using HyperMM.Hyperliquid.Wire;

namespace HyperMM.Hyperliquid.Actions;

/// <summary><c>{"type":"noop"}</c>: only marks its envelope nonce as used.</summary>
public sealed record NoopAction : HyperliquidAction
{
    public override string Type => "noop";

    public override void Write(IWireWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.BeginMap(1);
        writer.Key("type");
        writer.StringValue(Type);
        writer.EndMap();
    }
}
