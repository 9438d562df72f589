using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace HyperMM.Core.Primitives;

/// <summary>
/// A 20-byte Ethereum address, kept in the lower-case <c>0x</c>-prefixed form the venue expects in signed actions
/// and uses in /info requests. Parsing accepts any case (checksummed addresses included).
/// </summary>
public readonly record struct Address
{
    public const int ByteLength = 20;

    private readonly string? _hex;

    private Address(string lowerHex) => _hex = lowerHex;

    /// <summary>Lower-case <c>0x</c> + 40 hex digits.</summary>
    public string Hex => _hex ?? "0x0000000000000000000000000000000000000000";

    public static Address Zero => default;

    public static Address FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != ByteLength)
        {
            throw new ArgumentException($"An address is {ByteLength} bytes, got {bytes.Length}.", nameof(bytes));
        }

        return new Address("0x" + Convert.ToHexStringLower(bytes));
    }

    public static Address Parse(string text)
    {
        if (!TryParse(text, out var address))
        {
            throw new FormatException($"'{text}' is not an address: expected 0x followed by 40 hex digits.");
        }

        return address;
    }

    public static bool TryParse([NotNullWhen(true)] string? text, out Address address)
    {
        address = default;
        if (text is null || text.Length != 42 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X'))
        {
            return false;
        }

        for (var i = 2; i < text.Length; i++)
        {
            if (!char.IsAsciiHexDigit(text[i]))
            {
                return false;
            }
        }

        address = new Address("0x" + text[2..].ToLowerInvariant());
        return true;
    }

    public byte[] ToBytes() => Convert.FromHexString(Hex.AsSpan(2));

    public void WriteBytes(Span<byte> destination)
    {
        if (Convert.FromHexString(Hex.AsSpan(2), destination, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != ByteLength)
        {
            throw new ArgumentException("Destination must hold 20 bytes.", nameof(destination));
        }
    }

    /// <summary>Short form for logs and tables: 0x1234…abcd.</summary>
    public string Abbreviated => string.Create(CultureInfo.InvariantCulture, $"{Hex[..6]}…{Hex[^4..]}");

    public override string ToString() => Hex;
}
