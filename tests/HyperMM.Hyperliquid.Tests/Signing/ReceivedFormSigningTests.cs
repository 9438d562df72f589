using System.Text.Json;
using HyperMM.Hyperliquid.Json;
using HyperMM.Hyperliquid.Signing;
using static HyperMM.Hyperliquid.Tests.Signing.SigningVectors;

namespace HyperMM.Hyperliquid.Tests.Signing;

/// <summary>
/// A server hashes an action's price and size strings exactly as they were posted (PROTOCOL §3.4). The Rust SDK's
/// official vectors sign orders whose strings are "2000.0" and "3.5": posted with those literal strings and the
/// official signature, the signer recovered from the parsed body must be the Rust test key; posted with the
/// canonical "2000" instead, it must not be.
/// </summary>
public class ReceivedFormSigningTests
{
    public static TheoryData<string> RustOrderVectors() => ["rs.limit_ioc", "rs.limit_ioc_cloid", "rs.tpsl_tp", "rs.tpsl_sl"];

    [Theory]
    [MemberData(nameof(RustOrderVectors))]
    public void RustVector_PostedWithItsOwnStrings_RecoversTheRustKey_AndHashesTheOfficialMsgpack(string id)
    {
        var v = Array("l1Vectors").Single(x => x.Str("id") == id);
        foreach (var (net, isMainnet) in new[] { ("mainnet", true), ("testnet", false) })
        {
            var parsed = ExchangeRequestJson.Parse(Body(v.GetProperty("action").GetRawText(), v, net));
            Assert.Equal(v.GetProperty("derived").Str("msgpackHex"), Hex(parsed.Payload(isMainnet).Msgpack));
            Assert.Equal(KeyAddress("rs"), parsed.RecoverSigner(isMainnet).Hex);
        }
    }

    [Theory]
    [MemberData(nameof(RustOrderVectors))]
    public void RustVector_PostedWithCanonicalStrings_RecoversSomeoneElse(string id)
    {
        var v = Array("l1Vectors").Single(x => x.Str("id") == id);
        var canonical = v.GetProperty("action").GetRawText().Replace("\"2000.0\"", "\"2000\"", StringComparison.Ordinal);
        var parsed = ExchangeRequestJson.Parse(Body(canonical, v, "mainnet"));
        Assert.NotEqual(KeyAddress("rs"), parsed.RecoverSigner(isMainnet: true).Hex);
    }

    [Fact]
    public void ParsedRequests_WithTheSameActionValueButDifferentStrings_AreNotEqual()
    {
        var v = Array("l1Vectors").Single(x => x.Str("id") == "rs.limit_ioc");
        var asSent = ExchangeRequestJson.Parse(Body(v.GetProperty("action").GetRawText(), v, "mainnet"));
        var canonical = ExchangeRequestJson.Parse(Body(v.GetProperty("action").GetRawText().Replace("\"2000.0\"", "\"2000\"", StringComparison.Ordinal), v, "mainnet"));
        Assert.Equal(asSent.Action, canonical.Action); // 2000.0m == 2000m
        Assert.NotEqual(asSent, canonical);
    }

    private static string Body(string actionJson, JsonElement vector, string net)
    {
        var sig = vector.GetProperty("expected").GetProperty(net);
        return $$"""{"action":{{actionJson}},"nonce":{{vector.GetProperty("nonce").GetInt64()}},"signature":{"r":"{{sig.Str("r")}}","s":"{{sig.Str("s")}}","v":{{sig.GetProperty("v").GetInt32()}}},"vaultAddress":null}""";
    }
}
