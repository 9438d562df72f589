using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace HyperMM.Core.Primitives;

/// <summary>
/// Client order id: 16 bytes, written on the wire as lower-case <c>0x</c> + 32 hex digits.
/// </summary>
public readonly record struct Cloid(UInt128 Value)
{
    public static Cloid Parse(string text)
    {
        if (!TryParse(text, out var cloid))
        {
            throw new FormatException($"'{text}' is not a cloid: expected 0x followed by 32 hex digits.");
        }

        return cloid;
    }

    public static bool TryParse([NotNullWhen(true)] string? text, out Cloid cloid)
    {
        cloid = default;
        if (text is null || text.Length != 34 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X'))
        {
            return false;
        }

        if (!UInt128.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        cloid = new Cloid(value);
        return true;
    }

    /// <summary>The upper 32 bits: HyperMM puts the strategy tag there (see <see cref="CloidFactory"/>).</summary>
    public uint Tag => (uint)(Value >> 96);

    public override string ToString() => "0x" + Value.ToString("x32", CultureInfo.InvariantCulture);
}
