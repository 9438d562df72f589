namespace HyperMM.Core.Primitives;

/// <summary>Basis points: 1 bps = 0.0001 = 0.01 %. Quoting maths works in bps of mid.</summary>
public readonly record struct Bps(double Value)
{
    public const double PerUnit = 10_000.0;

    public static Bps FromFraction(double fraction) => new(fraction * PerUnit);

    public double ToFraction() => Value / PerUnit;

    /// <summary>The price <paramref name="mid"/> moved by this many bps.</summary>
    public decimal ApplyTo(decimal mid) => mid * (decimal)(1.0 + (Value / PerUnit));

    public override string ToString() => Value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " bps";
}
