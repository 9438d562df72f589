using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using HyperMM.Core.Primitives;

namespace HyperMM.Hyperliquid.Signing;

/// <summary>
/// A secp256k1 private key. It comes only from an environment variable (or, in tests, a literal), is never printed:
/// <see cref="ToString"/> is redacted and error messages name the variable, never the value.
/// </summary>
public sealed class PrivateKey
{
    private readonly BigInteger _d;

    private PrivateKey(BigInteger d)
    {
        _d = d;
        Parameters = new ECPrivateKeyParameters(d, Secp256k1.Domain);
        PublicKey = Secp256k1.PublicKeyOf(d);
        Address = Secp256k1.AddressOf(PublicKey);
    }

    /// <summary>The signer address (lower-case form kept by <see cref="Core.Primitives.Address"/>).</summary>
    public Address Address { get; }

    internal Org.BouncyCastle.Math.EC.ECPoint PublicKey { get; }

    internal ECPrivateKeyParameters Parameters { get; }

    internal BigInteger D => _d;

    /// <summary>Reads the key from the environment variable <paramref name="variableName"/>.</summary>
    /// <exception cref="PrivateKeyException">The variable is unset, empty or not a valid key (the value is never echoed).</exception>
    public static PrivateKey FromEnvironment(string variableName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(variableName);
        var value = Environment.GetEnvironmentVariable(variableName);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new PrivateKeyException($"Environment variable {variableName} is not set (it must hold the private key as 0x + 64 hex digits).");
        }

        if (!TryParse(value.Trim(), out var key))
        {
            throw new PrivateKeyException($"Environment variable {variableName} does not hold a valid secp256k1 private key (expected 0x + 64 hex digits).");
        }

        return key;
    }

    /// <summary>Parses 0x + 64 hex digits (or 64 hex digits). Intended for tests with public test keys.</summary>
    public static PrivateKey Parse(string hex)
        => TryParse(hex, out var key)
            ? key
            : throw new PrivateKeyException("Not a valid secp256k1 private key (expected 0x + 64 hex digits).");

    public static bool TryParse(string? hex, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PrivateKey? key)
    {
        key = null;
        if (hex is null)
        {
            return false;
        }

        var digits = hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex.AsSpan(2) : hex.AsSpan();
        if (digits.Length != 64)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        var d = new BigInteger(1, Convert.FromHexString(digits));
        if (d.SignValue <= 0 || d.CompareTo(Secp256k1.Domain.N) >= 0)
        {
            return false;
        }

        key = new PrivateKey(d);
        return true;
    }

    public override string ToString() => $"PrivateKey(redacted, address {Address.Hex})";
}
