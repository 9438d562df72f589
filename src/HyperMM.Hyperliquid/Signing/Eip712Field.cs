namespace HyperMM.Hyperliquid.Signing;

/// <summary>
/// One member of an EIP-712 struct: its name, its Solidity type (<c>string</c>, <c>address</c>, <c>bool</c>,
/// <c>bytes32</c>, <c>uint8..uint256</c>) and its value (string for string/address/bytes32 hex, a long/ulong/decimal
/// integer for uints, bool for bool).
/// </summary>
public sealed record Eip712Field(string Name, string Type, object Value);
