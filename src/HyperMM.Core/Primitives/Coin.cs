namespace HyperMM.Core.Primitives;

/// <summary>A perp's coin name as the venue spells it in <c>meta.universe[i].name</c> ("ETH", "BTC", "HYPE").</summary>
public readonly record struct Coin
{
    public Coin(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    public string Name { get; }

    public override string ToString() => Name;
}
