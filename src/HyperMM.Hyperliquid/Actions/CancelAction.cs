using HyperMM.Hyperliquid.Wire;

namespace HyperMM.Hyperliquid.Actions;

/// <summary><c>{"type":"cancel","cancels":[…]}</c> plus a trailing <c>"f":true</c> only when <see cref="Fast"/> (never <c>f:false</c>).</summary>
public sealed record CancelAction(IReadOnlyList<CancelWire> Cancels, bool Fast = false) : HyperliquidAction
{
    public override string Type => "cancel";

    public override void Write(IWireWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.BeginMap(Fast ? 3 : 2);
        writer.Key("type");
        writer.StringValue(Type);
        writer.Key("cancels");
        writer.BeginArray(Cancels.Count);
        foreach (var cancel in Cancels)
        {
            cancel.Write(writer);
        }

        writer.EndArray();
        if (Fast)
        {
            writer.Key("f");
            writer.BoolValue(true);
        }

        writer.EndMap();
    }

    /// <summary>Value equality over the list's items (a record would compare the list reference).</summary>
    public bool Equals(CancelAction? other)
        => other is not null && Fast == other.Fast && Cancels.SequenceEqual(other.Cancels);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Fast);
        foreach (var item in Cancels)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}
