namespace HyperMM.Hyperliquid.Signing;

/// <summary>
/// A secp256k1 signature as the venue carries it: <c>r</c>, <c>s</c> as lower-case 0x + 64 hex digits (parsing also
/// accepts the python SDK's form with leading zero nibbles stripped), <c>v</c> = 27 + recovery id.
/// </summary>
public sealed record EcdsaSignature
{
    public EcdsaSignature(string r, string s, int v)
    {
        if (v is not (27 or 28))
        {
            throw new FormatException($"Signature v must be 27 or 28, got {v}.");
        }

        R = Normalise(r, nameof(r));
        S = Normalise(s, nameof(s));
        V = v;
    }

    public string R { get; }

    public string S { get; }

    public int V { get; }

    public int RecoveryId => V - 27;

    public static EcdsaSignature FromBytes(ReadOnlySpan<byte> r32, ReadOnlySpan<byte> s32, int v)
        => new("0x" + Convert.ToHexStringLower(r32), "0x" + Convert.ToHexStringLower(s32), v);

    /// <summary>The 32 big-endian bytes of r.</summary>
    public byte[] RBytes() => Convert.FromHexString(R.AsSpan(2));

    /// <summary>The 32 big-endian bytes of s.</summary>
    public byte[] SBytes() => Convert.FromHexString(S.AsSpan(2));

    /// <summary>r ‖ s ‖ v (65 bytes), the Rust SDK's form.</summary>
    public byte[] ToBytes65()
    {
        var result = new byte[65];
        RBytes().CopyTo(result, 0);
        SBytes().CopyTo(result, 32);
        result[64] = (byte)V;
        return result;
    }

    private static string Normalise(string hex, string name)
    {
        ArgumentNullException.ThrowIfNull(hex, name);
        var digits = hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex.AsSpan(2) : hex.AsSpan();
        if (digits.Length is 0 or > 64)
        {
            throw new FormatException($"Signature {name} must be 0x followed by 1 to 64 hex digits.");
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                throw new FormatException($"Signature {name} must be 0x followed by 1 to 64 hex digits.");
            }
        }

        return "0x" + digits.ToString().ToLowerInvariant().PadLeft(64, '0');
    }
}
