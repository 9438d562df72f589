using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Actions;

namespace HyperMM.Hyperliquid.Signing;

/// <summary>
/// User-signed actions (PROTOCOL §3.6): EIP-712 over the action's own fields in the domain
/// HyperliquidSignTransaction / 1 / int(signatureChainId) / 0x0.
/// </summary>
public static class UserSigning
{
    public const string ApproveAgentPrimaryType = "HyperliquidTransaction:ApproveAgent";

    public static byte[] DomainSeparator(string signatureChainId)
        => Eip712.DomainSeparator("HyperliquidSignTransaction", "1", Eip712.ParseChainId(signatureChainId), Address.Zero);

    public static IReadOnlyList<Eip712Field> ApproveAgentFields(ApproveAgentAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return
        [
            new Eip712Field("hyperliquidChain", "string", action.HyperliquidChain),
            new Eip712Field("agentAddress", "address", action.AgentAddress),
            new Eip712Field("agentName", "string", action.SignedAgentName),
            new Eip712Field("nonce", "uint64", action.Nonce),
        ];
    }

    public static byte[] StructHash(ApproveAgentAction action)
        => Eip712.HashStruct(ApproveAgentPrimaryType, ApproveAgentFields(action));

    public static byte[] Digest(ApproveAgentAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Eip712.Digest(DomainSeparator(action.SignatureChainId), StructHash(action));
    }

    /// <summary>Digest of any flat user-signed struct (used for the usdSend/withdraw/approveBuilderFee vectors).</summary>
    public static byte[] Digest(string signatureChainId, string primaryType, IReadOnlyList<Eip712Field> fields)
        => Eip712.Digest(DomainSeparator(signatureChainId), Eip712.HashStruct(primaryType, fields));
}
