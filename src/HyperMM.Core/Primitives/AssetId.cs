namespace HyperMM.Core.Primitives;

/// <summary>Venue asset index (perp: index in <c>meta.universe</c>). Always resolved from meta, never hard-coded.</summary>
public readonly record struct AssetId(int Value)
{
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
