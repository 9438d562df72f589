using System.Buffers.Binary;
using System.Numerics;
using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Actions;
using HyperMM.Hyperliquid.Wire;

namespace HyperMM.Hyperliquid.Signing;

/// <summary>
/// L1 action hashing (PROTOCOL §3.1): msgpack(action) ‖ nonce u64 BE ‖ (0x00 | 0x01 ‖ vault 20 bytes)
/// ‖ [0x00 ‖ expiresAfter u64 BE] → keccak256 = connectionId; phantom agent
/// <c>Agent(string source,bytes32 connectionId)</c> with source "a" (mainnet) / "b" (testnet) in the domain
/// Exchange / 1 / 1337 / 0x0 → EIP-712 digest.
/// </summary>
public static class L1Signing
{
    public const string AgentTypeString = "Agent(string source,bytes32 connectionId)";

    /// <summary>The fixed Exchange domain separator (chainId 1337).</summary>
    public static readonly byte[] ExchangeDomainSeparator = Eip712.DomainSeparator("Exchange", "1", new BigInteger(1337), Address.Zero);

    private static readonly byte[] AgentTypeHash = Keccak256.Hash(AgentTypeString);
    private static readonly byte[] SourceMainnetHash = Keccak256.Hash("a");
    private static readonly byte[] SourceTestnetHash = Keccak256.Hash("b");

    public static byte[] Msgpack(HyperliquidAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.IsUserSigned)
        {
            throw new ArgumentException($"'{action.Type}' is user-signed; it is not hashed as msgpack.", nameof(action));
        }

        var writer = new MsgpackWireWriter();
        action.Write(writer);
        return writer.ToArray();
    }

    /// <summary>
    /// The msgpack a venue hashes for an action it received as <paramref name="received"/> (the action's JSON as
    /// posted): typed key order, price and size strings exactly as sent (<see cref="ReceivedFormWireWriter"/>).
    /// </summary>
    public static byte[] Msgpack(HyperliquidAction action, System.Text.Json.JsonElement received)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.IsUserSigned)
        {
            throw new ArgumentException($"'{action.Type}' is user-signed; it is not hashed as msgpack.", nameof(action));
        }

        var writer = new MsgpackWireWriter();
        action.Write(new ReceivedFormWireWriter(writer, received));
        return writer.ToArray();
    }

    public static byte[] PreImage(ReadOnlySpan<byte> msgpack, long nonce, Address? vaultAddress, long? expiresAfter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nonce);
        var length = msgpack.Length + 8 + (vaultAddress is null ? 1 : 21) + (expiresAfter is null ? 0 : 9);
        var buffer = new byte[length];
        msgpack.CopyTo(buffer);
        var offset = msgpack.Length;
        BinaryPrimitives.WriteUInt64BigEndian(buffer.AsSpan(offset, 8), (ulong)nonce);
        offset += 8;
        if (vaultAddress is { } vault)
        {
            buffer[offset++] = 0x01;
            vault.WriteBytes(buffer.AsSpan(offset, 20));
            offset += 20;
        }
        else
        {
            buffer[offset++] = 0x00;
        }

        if (expiresAfter is { } expires)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(expires, nameof(expiresAfter));
            buffer[offset++] = 0x00;
            BinaryPrimitives.WriteUInt64BigEndian(buffer.AsSpan(offset, 8), (ulong)expires);
        }

        return buffer;
    }

    /// <summary>keccak256 of the pre-image: the phantom agent's connectionId (the "action hash").</summary>
    public static byte[] ActionHash(ReadOnlySpan<byte> msgpack, long nonce, Address? vaultAddress, long? expiresAfter)
        => Keccak256.Hash(PreImage(msgpack, nonce, vaultAddress, expiresAfter));

    /// <summary>The EIP-712 digest of the phantom agent for a connectionId.</summary>
    public static byte[] Digest(ReadOnlySpan<byte> connectionId, bool isMainnet)
    {
        if (connectionId.Length != 32)
        {
            throw new ArgumentException("A connectionId is 32 bytes.", nameof(connectionId));
        }

        Span<byte> buffer = stackalloc byte[96];
        AgentTypeHash.CopyTo(buffer);
        (isMainnet ? SourceMainnetHash : SourceTestnetHash).CopyTo(buffer[32..]);
        connectionId.CopyTo(buffer[64..]);
        Span<byte> structHash = stackalloc byte[32];
        Keccak256.Hash(buffer, structHash);
        return Eip712.Digest(ExchangeDomainSeparator, structHash);
    }
}
