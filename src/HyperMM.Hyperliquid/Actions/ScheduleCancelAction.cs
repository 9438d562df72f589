using HyperMM.Hyperliquid.Wire;

namespace HyperMM.Hyperliquid.Actions;

/// <summary><c>{"type":"scheduleCancel","time":ms}</c>; <c>time</c> omitted (null) clears the dead-man switch.</summary>
public sealed record ScheduleCancelAction(long? Time) : HyperliquidAction
{
    public override string Type => "scheduleCancel";

    public override void Write(IWireWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.BeginMap(Time is null ? 1 : 2);
        writer.Key("type");
        writer.StringValue(Type);
        if (Time is { } time)
        {
            writer.Key("time");
            writer.IntegerValue(time);
        }

        writer.EndMap();
    }
}
