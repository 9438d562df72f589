namespace HyperMM.Core.Primitives;

/// <summary>Venue-assigned order id (<c>oid</c>).</summary>
public readonly record struct OrderId(long Value)
{
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
