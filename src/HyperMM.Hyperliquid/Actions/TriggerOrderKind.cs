using HyperMM.Hyperliquid.Wire;

namespace HyperMM.Hyperliquid.Actions;

/// <summary><c>{"trigger":{"isMarket":bool,"triggerPx":"…","tpsl":"tp"|"sl"}}</c> (key order isMarket, triggerPx, tpsl).</summary>
public sealed record TriggerOrderKind(bool IsMarket, decimal TriggerPx, TpSl TpSl) : OrderKind
{
    public override void Write(IWireWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.BeginMap(1);
        writer.Key("trigger");
        writer.BeginMap(3);
        writer.Key("isMarket");
        writer.BoolValue(IsMarket);
        writer.Key("triggerPx");
        writer.NumberValue(TriggerPx);
        writer.Key("tpsl");
        writer.StringValue(TpSl == TpSl.TakeProfit ? "tp" : "sl");
        writer.EndMap();
        writer.EndMap();
    }
}
