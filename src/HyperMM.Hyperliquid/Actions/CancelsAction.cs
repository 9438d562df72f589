using HyperMM.Hyperliquid.Wire;

namespace HyperMM.Hyperliquid.Actions;

/// <summary>
/// The shape both cancel actions share: <c>{"type":…,"cancels":[…]}</c> plus a trailing <c>"f":true</c> only when
/// <see cref="Fast"/> (never <c>f:false</c>). Equality compares the list's items (a record would compare the list
/// reference).
/// </summary>
public abstract record CancelsAction<TWire>(IReadOnlyList<TWire> Cancels, bool Fast) : HyperliquidAction
    where TWire : IWireItem
{
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

    public virtual bool Equals(CancelsAction<TWire>? other)
        => other is not null && EqualityContract == other.EqualityContract && Fast == other.Fast && Cancels.SequenceEqual(other.Cancels);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(EqualityContract);
        hash.Add(Fast);
        foreach (var item in Cancels)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}
