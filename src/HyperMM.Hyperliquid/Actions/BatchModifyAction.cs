using HyperMM.Hyperliquid.Wire;

namespace HyperMM.Hyperliquid.Actions;

/// <summary>
/// <c>{"type":"batchModify","modifies":[…]}</c> plus a trailing <c>"a":true</c> only when <see cref="AlwaysPlace"/>
/// (position of <c>a</c> from the docs/NK, no official vector — PROTOCOL §9).
/// </summary>
public sealed record BatchModifyAction(IReadOnlyList<ModifyWire> Modifies, bool AlwaysPlace = false) : HyperliquidAction
{
    public override string Type => "batchModify";

    public override void Write(IWireWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.BeginMap(AlwaysPlace ? 3 : 2);
        writer.Key("type");
        writer.StringValue(Type);
        writer.Key("modifies");
        writer.BeginArray(Modifies.Count);
        foreach (var modify in Modifies)
        {
            modify.Write(writer);
        }

        writer.EndArray();
        if (AlwaysPlace)
        {
            writer.Key("a");
            writer.BoolValue(true);
        }

        writer.EndMap();
    }

    /// <summary>Value equality over the list's items (a record would compare the list reference).</summary>
    public bool Equals(BatchModifyAction? other)
        => other is not null && AlwaysPlace == other.AlwaysPlace && Modifies.SequenceEqual(other.Modifies);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(AlwaysPlace);
        foreach (var item in Modifies)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}
