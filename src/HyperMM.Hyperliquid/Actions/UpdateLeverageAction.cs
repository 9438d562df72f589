using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Wire;

namespace HyperMM.Hyperliquid.Actions;

/// <summary><c>{"type":"updateLeverage","asset":id,"isCross":bool,"leverage":int}</c>.</summary>
public sealed record UpdateLeverageAction(AssetId Asset, bool IsCross, int Leverage) : HyperliquidAction
{
    public override string Type => "updateLeverage";

    public override void Write(IWireWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.BeginMap(4);
        writer.Key("type");
        writer.StringValue(Type);
        writer.Key("asset");
        writer.IntegerValue(Asset.Value);
        writer.Key("isCross");
        writer.BoolValue(IsCross);
        writer.Key("leverage");
        writer.IntegerValue(Leverage);
        writer.EndMap();
    }
}
