using System.Security.Cryptography;

namespace HyperMM.Hyperliquid.Signing;

/// <summary>
/// RFC 6979 §3.2 deterministic nonces with HMAC-SHA256 for a 256-bit group order (qlen = hlen = 256, so bits2int
/// is the identity and bits2octets is a reduction mod q). State K and V live in caller-provided 32-byte spans; the
/// platform HMAC-SHA256 is used with no allocation. Equivalent to BouncyCastle's HMacDsaKCalculator (every signing
/// vector is reproduced through it).
/// </summary>
internal static class Rfc6979
{
    /// <summary>Steps b–g: initialise K and V from int2octets(x) and bits2octets(h1).</summary>
    public static void Init(ReadOnlySpan<byte> privateKey32, ReadOnlySpan<byte> reducedDigest32, Span<byte> k, Span<byte> v)
    {
        v.Fill(0x01);
        k.Clear();
        Span<byte> buffer = stackalloc byte[32 + 1 + 32 + 32];
        foreach (var separator in (ReadOnlySpan<byte>)[0x00, 0x01])
        {
            v.CopyTo(buffer);
            buffer[32] = separator;
            privateKey32.CopyTo(buffer[33..]);
            reducedDigest32.CopyTo(buffer[65..]);
            HMACSHA256.HashData(k, buffer, k);
            HMACSHA256.HashData(k, v, v);
        }
    }

    /// <summary>Step h.2: V = HMAC_K(V); the candidate T = V (the caller checks 1 ≤ T &lt; q).</summary>
    public static void NextCandidate(ReadOnlySpan<byte> k, Span<byte> v) => HMACSHA256.HashData(k, v, v);

    /// <summary>Step h.3 after a rejected candidate: K = HMAC_K(V ‖ 0x00), V = HMAC_K(V).</summary>
    public static void Reject(Span<byte> k, Span<byte> v)
    {
        Span<byte> buffer = stackalloc byte[33];
        v.CopyTo(buffer);
        buffer[32] = 0x00;
        HMACSHA256.HashData(k, buffer, k);
        HMACSHA256.HashData(k, v, v);
    }
}
