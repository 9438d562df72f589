using Org.BouncyCastle.Crypto.Digests;

namespace HyperMM.Hyperliquid.Signing;

/// <summary>Ethereum Keccak-256 (the original Keccak padding, not NIST SHA3-256).</summary>
public static class Keccak256
{
    public const int Size = 32;

    [ThreadStatic]
    private static KeccakDigest? _digest;

    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var digest = _digest ??= new KeccakDigest(256);
        digest.Reset();
        digest.BlockUpdate(data);
        digest.DoFinal(destination);
    }

    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var result = new byte[Size];
        Hash(data, result);
        return result;
    }

    public static byte[] Hash(string utf8) => Hash(System.Text.Encoding.UTF8.GetBytes(utf8));
}
