namespace HyperMM.Hyperliquid.Signing;

/// <summary>
/// What gets signed for one request. L1: <see cref="Msgpack"/> of the action, <see cref="ActionHash"/> = the
/// phantom agent's connectionId, <see cref="Digest"/> = EIP-712 digest. User-signed: no msgpack,
/// <see cref="ActionHash"/> = the EIP-712 struct hash of the action.
/// </summary>
public sealed record SigningPayload(byte[]? Msgpack, byte[] ActionHash, byte[] Digest);
