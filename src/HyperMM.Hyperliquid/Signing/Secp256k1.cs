using HyperMM.Core.Primitives;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;
using Org.BouncyCastle.Utilities;

namespace HyperMM.Hyperliquid.Signing;

/// <summary>
/// secp256k1 ECDSA as Ethereum uses it: RFC 6979 deterministic k (HMAC-SHA256), low-s normalisation, recovery id from
/// the parity of R.y (flipped when s is folded), and public-key recovery from (digest, signature).
/// </summary>
public static class Secp256k1
{
    private static readonly X9ECParameters Curve = CustomNamedCurves.GetByName("secp256k1");
    private static readonly BigInteger HalfN = Curve.N.ShiftRight(1);
    private static readonly FixedPointCombMultiplier Multiplier = new();

    internal static readonly ECDomainParameters Domain = new(Curve.Curve, Curve.G, Curve.N, Curve.H);

    /// <summary>Signs a 32-byte digest (no further hashing).</summary>
    public static EcdsaSignature Sign(PrivateKey key, ReadOnlySpan<byte> digest32)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (digest32.Length != 32)
        {
            throw new ArgumentException("The digest must be 32 bytes.", nameof(digest32));
        }

        var n = Domain.N;
        var e = new BigInteger(1, digest32);
        Span<byte> x32 = stackalloc byte[32];
        Span<byte> h32 = stackalloc byte[32];
        Span<byte> kBuffer = stackalloc byte[32];
        Span<byte> vBuffer = stackalloc byte[32];
        Span<byte> out32 = stackalloc byte[32];
        WriteUnsigned32(key.D, x32);
        WriteUnsigned32(e.Mod(n), h32);
        Rfc6979.Init(x32, h32, kBuffer, vBuffer);
        var first = true;
        while (true)
        {
            if (!first)
            {
                Rfc6979.Reject(kBuffer, vBuffer);
            }

            first = false;
            Rfc6979.NextCandidate(kBuffer, vBuffer);
            var k = new BigInteger(1, vBuffer);
            if (k.SignValue == 0 || k.CompareTo(n) >= 0)
            {
                continue;
            }

            var p = Multiplier.Multiply(Domain.G, k).Normalize();
            var x = p.AffineXCoord.ToBigInteger();
            var r = x.Mod(n);
            if (r.SignValue == 0)
            {
                continue;
            }

            var s = BigIntegers.ModOddInverse(n, k).Multiply(e.Add(key.D.Multiply(r))).Mod(n);
            if (s.SignValue == 0)
            {
                continue;
            }

            var recoveryId = p.AffineYCoord.TestBitZero() ? 1 : 0;
            if (x.CompareTo(n) >= 0)
            {
                recoveryId |= 2;
            }

            if (s.CompareTo(HalfN) > 0)
            {
                s = n.Subtract(s);
                recoveryId ^= 1;
            }

            if (recoveryId > 1)
            {
                // x >= n has probability ~2^-128; Ethereum's v cannot express it, so try the next k.
                continue;
            }

            WriteUnsigned32(r, x32);
            WriteUnsigned32(s, out32);
            return EcdsaSignature.FromBytes(x32, out32, 27 + recoveryId);
        }
    }

    /// <summary>Recovers the signer's address from a digest and a signature (what the venue does).</summary>
    /// <exception cref="FormatException">The signature does not correspond to any public key.</exception>
    public static Address Recover(ReadOnlySpan<byte> digest32, EcdsaSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return AddressOf(RecoverPublicKey(digest32, signature));
    }

    internal static ECPoint RecoverPublicKey(ReadOnlySpan<byte> digest32, EcdsaSignature signature)
    {
        if (digest32.Length != 32)
        {
            throw new ArgumentException("The digest must be 32 bytes.", nameof(digest32));
        }

        var n = Domain.N;
        var r = new BigInteger(1, signature.RBytes());
        var s = new BigInteger(1, signature.SBytes());
        if (r.SignValue == 0 || r.CompareTo(n) >= 0 || s.SignValue == 0 || s.CompareTo(n) >= 0)
        {
            throw new FormatException("Unable to recover signer: r or s is out of range.");
        }

        Span<byte> compressed = stackalloc byte[33];
        compressed[0] = (byte)(0x02 | signature.RecoveryId);
        WriteUnsigned32(r, compressed[1..]);
        ECPoint bigR;
        try
        {
            bigR = Domain.Curve.DecodePoint(compressed.ToArray());
        }
        catch (ArgumentException ex)
        {
            throw new FormatException("Unable to recover signer: r is not the x coordinate of a curve point.", ex);
        }

        var e = new BigInteger(1, digest32);
        var rInv = BigIntegers.ModOddInverse(n, r);
        var u1 = n.Subtract(e).Mod(n).Multiply(rInv).Mod(n);
        var u2 = s.Multiply(rInv).Mod(n);
        var q = ECAlgorithms.SumOfTwoMultiplies(Domain.G, u1, bigR, u2).Normalize();
        if (q.IsInfinity)
        {
            throw new FormatException("Unable to recover signer: the recovered point is at infinity.");
        }

        return q;
    }

    private static void WriteUnsigned32(BigInteger value, Span<byte> destination)
    {
        var bytes = value.ToByteArrayUnsigned();
        destination[..32].Clear();
        bytes.CopyTo(destination[(32 - bytes.Length)..]);
    }

    internal static ECPoint PublicKeyOf(BigInteger d) => Multiplier.Multiply(Domain.G, d).Normalize();

    internal static Address AddressOf(ECPoint publicKey)
    {
        // Address = last 20 bytes of keccak256(X ‖ Y) of the uncompressed public key (without the 0x04 prefix).
        var uncompressed = publicKey.GetEncoded(false);
        Span<byte> hash = stackalloc byte[32];
        Keccak256.Hash(uncompressed.AsSpan(1), hash);
        return Address.FromBytes(hash[12..]);
    }
}
