using System.Globalization;
using System.Numerics;
using System.Text;
using HyperMM.Core.Primitives;

namespace HyperMM.Hyperliquid.Signing;

/// <summary>
/// The parts of EIP-712 Hyperliquid needs: flat structs of atomic members (no nested structs or arrays), the domain
/// separator <c>EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)</c> and the final
/// digest <c>keccak256(0x19 0x01 ‖ domainSeparator ‖ hashStruct)</c>.
/// </summary>
public static class Eip712
{
    public const string DomainTypeString = "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)";

    /// <summary>"Name(type1 name1,type2 name2,…)".</summary>
    public static string TypeString(string primaryType, IReadOnlyList<Eip712Field> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var sb = new StringBuilder(primaryType).Append('(');
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append(fields[i].Type).Append(' ').Append(fields[i].Name);
        }

        return sb.Append(')').ToString();
    }

    /// <summary>keccak256(typeHash ‖ enc(value1) ‖ …).</summary>
    public static byte[] HashStruct(string primaryType, IReadOnlyList<Eip712Field> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var buffer = new byte[32 * (fields.Count + 1)];
        Keccak256.Hash(Encoding.UTF8.GetBytes(TypeString(primaryType, fields)), buffer.AsSpan(0, 32));
        for (var i = 0; i < fields.Count; i++)
        {
            EncodeValue(fields[i], buffer.AsSpan(32 * (i + 1), 32));
        }

        return Keccak256.Hash(buffer);
    }

    public static byte[] DomainSeparator(string name, string version, BigInteger chainId, Address verifyingContract)
        => HashStruct(
            "EIP712Domain",
            [
                new Eip712Field("name", "string", name),
                new Eip712Field("version", "string", version),
                new Eip712Field("chainId", "uint256", chainId),
                new Eip712Field("verifyingContract", "address", verifyingContract.Hex),
            ]);

    /// <summary>keccak256(0x19 0x01 ‖ domainSeparator ‖ structHash).</summary>
    public static byte[] Digest(ReadOnlySpan<byte> domainSeparator, ReadOnlySpan<byte> structHash)
    {
        var result = new byte[32];
        Digest(domainSeparator, structHash, result);
        return result;
    }

    public static void Digest(ReadOnlySpan<byte> domainSeparator, ReadOnlySpan<byte> structHash, Span<byte> destination)
    {
        Span<byte> buffer = stackalloc byte[66];
        buffer[0] = 0x19;
        buffer[1] = 0x01;
        domainSeparator.CopyTo(buffer[2..34]);
        structHash.CopyTo(buffer[34..66]);
        Keccak256.Hash(buffer, destination);
    }

    /// <summary>Parses a chain id given as "0x66eee" (hex) or "421614" (decimal).</summary>
    public static BigInteger ParseChainId(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && BigInteger.TryParse("0" + text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex)
            && text.Length > 2)
        {
            return hex;
        }

        if (BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var dec))
        {
            return dec;
        }

        throw new FormatException($"'{text}' is not a chain id (expected 0x-hex or decimal).");
    }

    private static void EncodeValue(Eip712Field field, Span<byte> slot)
    {
        slot.Clear();
        switch (field.Type)
        {
            case "string":
                Keccak256.Hash(Encoding.UTF8.GetBytes((string)field.Value), slot);
                break;
            case "address":
                var address = field.Value is Address a ? a : Address.Parse((string)field.Value);
                address.WriteBytes(slot[12..]);
                break;
            case "bool":
                slot[31] = (bool)field.Value ? (byte)1 : (byte)0;
                break;
            case "bytes32":
                var bytes = field.Value is byte[] raw ? raw : Convert.FromHexString(((string)field.Value).AsSpan(2));
                if (bytes.Length != 32)
                {
                    throw new ArgumentException($"EIP-712 field {field.Name} (bytes32) must be 32 bytes.", nameof(field));
                }

                bytes.CopyTo(slot);
                break;
            case var t when t.StartsWith("uint", StringComparison.Ordinal):
                var value = field.Value switch
                {
                    BigInteger big => big,
                    long l => new BigInteger(l),
                    ulong ul => new BigInteger(ul),
                    int i => new BigInteger(i),
                    decimal d => new BigInteger(d),
                    string s => BigInteger.Parse(s, CultureInfo.InvariantCulture),
                    _ => throw new ArgumentException($"EIP-712 field {field.Name} ({t}) has a non-integer value.", nameof(field)),
                };
                if (value.Sign < 0 || !value.TryWriteBytes(slot[(32 - value.GetByteCount(isUnsigned: true))..], out _, isUnsigned: true, isBigEndian: true))
                {
                    throw new ArgumentException($"EIP-712 field {field.Name} ({t}) is out of range.", nameof(field));
                }

                break;
            default:
                throw new NotSupportedException($"EIP-712 type '{field.Type}' of field {field.Name} is not supported.");
        }
    }
}
