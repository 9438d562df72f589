using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Wire;

namespace HyperMM.Hyperliquid.Actions;

/// <summary>
/// User-signed <c>approveAgent</c> (PROTOCOL §8.2): signed as EIP-712
/// <c>HyperliquidTransaction:ApproveAgent(string hyperliquidChain,address agentAddress,string agentName,uint64 nonce)</c>.
/// An unnamed agent is signed with <c>agentName = ""</c> and posted without the key (python SDK behaviour).
/// Posted key order: type, agentAddress, [agentName], nonce, signatureChainId, hyperliquidChain.
/// </summary>
public sealed record ApproveAgentAction(bool IsMainnet, Address AgentAddress, string? AgentName, long Nonce, string SignatureChainId = ApproveAgentAction.DefaultSignatureChainId)
    : HyperliquidAction
{
    /// <summary>421614, what the python SDK always uses.</summary>
    public const string DefaultSignatureChainId = "0x66eee";

    public override string Type => "approveAgent";

    public override bool IsUserSigned => true;

    public string HyperliquidChain => IsMainnet ? "Mainnet" : "Testnet";

    /// <summary>The name as signed: empty when unnamed.</summary>
    public string SignedAgentName => AgentName ?? string.Empty;

    public override void Write(IWireWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var named = !string.IsNullOrEmpty(AgentName);
        writer.BeginMap(named ? 6 : 5);
        writer.Key("type");
        writer.StringValue(Type);
        writer.Key("agentAddress");
        writer.StringValue(AgentAddress.Hex);
        if (named)
        {
            writer.Key("agentName");
            writer.StringValue(AgentName!);
        }

        writer.Key("nonce");
        writer.IntegerValue(Nonce);
        writer.Key("signatureChainId");
        writer.StringValue(SignatureChainId);
        writer.Key("hyperliquidChain");
        writer.StringValue(HyperliquidChain);
        writer.EndMap();
    }
}
