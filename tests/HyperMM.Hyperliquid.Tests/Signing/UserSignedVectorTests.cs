using System.Text.Json;
using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Actions;
using HyperMM.Hyperliquid.Json;
using HyperMM.Hyperliquid.Signing;
using static HyperMM.Hyperliquid.Tests.Signing.SigningVectors;

namespace HyperMM.Hyperliquid.Tests.Signing;

/// <summary>User-signed (EIP-712 over fields) vectors, the approveAgent vectors and the EIP-712 constants.</summary>
public class UserSignedVectorTests
{
    public static TheoryData<string> UserSignedIds()
    {
        var data = new TheoryData<string>();
        foreach (var v in Array("userSignedVectors"))
        {
            data.Add(v.Str("id"));
        }

        return data;
    }

    public static TheoryData<int> ApproveAgentIndexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Array("derivedApproveAgentVectors").Count(); i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Fact]
    public void Eip712Constants_AreReproduced()
    {
        var c = Root.GetProperty("eip712Constants");
        Assert.Equal(c.Str("agentTypeHash"), Hex(Keccak256.Hash(L1Signing.AgentTypeString)));
        Assert.Equal(L1Signing.AgentTypeString, c.Str("agentTypeString"));
        Assert.Equal(Eip712.DomainTypeString, c.Str("domainTypeString"));
        Assert.Equal(c.Str("exchangeDomainSeparator"), Hex(L1Signing.ExchangeDomainSeparator));
        Assert.Equal(c.Str("userSignedDomainSeparator_0x66eee"), Hex(UserSigning.DomainSeparator("0x66eee")));
        Assert.Equal(c.Str("userSignedDomainSeparator_0xa4b1"), Hex(UserSigning.DomainSeparator("0xa4b1")));
        var approveFields = UserSigning.ApproveAgentFields(new ApproveAgentAction(false, Address.Zero, null, 0));
        Assert.Equal(c.Str("approveAgentTypeString"), Eip712.TypeString(UserSigning.ApproveAgentPrimaryType, approveFields));
        Assert.Equal(c.Str("approveAgentTypeHash"), Hex(Keccak256.Hash(c.Str("approveAgentTypeString"))));
    }

    [Theory]
    [MemberData(nameof(UserSignedIds))]
    public void UserSignedVector_IsReproduced(string id)
    {
        var v = Array("userSignedVectors").Single(x => x.Str("id") == id);
        var key = Key(v.Str("key"));
        var message = v.GetProperty("message");
        var fields = v.GetProperty("types").EnumerateArray().Select(t =>
        {
            var name = t.Str("name");
            var type = t.Str("type");
            var value = message.GetProperty(name);
            object boxed = value.ValueKind == JsonValueKind.Number ? value.GetInt64() : value.GetString()!;
            return new Eip712Field(name, type, boxed);
        }).ToList();
        var chainId = v.GetProperty("domain").Str("signatureChainId");

        var structHash = Eip712.HashStruct(v.Str("primaryType"), fields);
        var derived = v.GetProperty("derived");
        Assert.Equal(derived.Str("structHash"), Hex(structHash));
        var digest = UserSigning.Digest(chainId, v.Str("primaryType"), fields);
        Assert.Equal(derived.Str("eip712Digest"), Hex(digest));

        var signature = Secp256k1.Sign(key, digest);
        Assert.Equal(Sig(v.GetProperty("expected")), signature);
        Assert.Equal(Sig(derived.GetProperty("sig32")), signature);
        if (v.GetProperty("expected").OptStr("sig65") is { } sig65)
        {
            Assert.Equal(sig65, Hex(signature.ToBytes65()));
        }

        Assert.Equal(key.Address, Secp256k1.Recover(digest, signature));
    }

    [Theory]
    [MemberData(nameof(ApproveAgentIndexes))]
    public void ApproveAgentVector_IsReproduced_AndPostedAsThePythonSdkDoes(int index)
    {
        var v = Array("derivedApproveAgentVectors").ElementAt(index);
        var key = PrivateKey.Parse(v.Str("privateKey"));
        var message = v.GetProperty("message");
        var name = message.Str("agentName");
        var action = new ApproveAgentAction(
            message.Str("hyperliquidChain") == "Mainnet",
            Address.Parse(message.Str("agentAddress")),
            name.Length == 0 ? null : name,
            message.GetProperty("nonce").GetInt64(),
            v.Str("signatureChainId"));

        Assert.Equal(v.Str("structHash"), Hex(UserSigning.StructHash(action)));
        Assert.Equal(v.Str("eip712Digest"), Hex(UserSigning.Digest(action)));

        var request = HyperliquidSigning.Sign(key, action, action.Nonce, action.IsMainnet);
        Assert.Equal(Sig(v), request.Signature);
        Assert.Equal(v.Str("signer").ToLowerInvariant(), request.RecoverSigner(action.IsMainnet).Hex);

        // Posted action: same keys in the same order as the python SDK's (agentName absent when unnamed).
        var posted = v.GetProperty("postedAction");
        Assert.Equal(JsonSerializer.Serialize(posted), ActionJson.ToJson(action));
        Assert.Equal(action, ActionJson.Parse(posted));

        var parsed = ExchangeRequestJson.Parse(ExchangeRequestJson.WriteUtf8(request));
        Assert.Equal(key.Address, parsed.RecoverSigner(action.IsMainnet));
        Assert.Null(parsed.EnvelopeError(action.IsMainnet));
        Assert.Equal("Mainnet and testnet require different signature.", parsed.EnvelopeError(!action.IsMainnet));
    }
}
