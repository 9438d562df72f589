using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Actions;
using HyperMM.Hyperliquid.Json;
using HyperMM.Hyperliquid.Signing;
using HyperMM.Hyperliquid.Tests.Signing;

namespace HyperMM.Hyperliquid.Tests;

public class ActionJsonTests
{
    // Derived vector mm_two_alo_orders_with_cloids is the same action with keys in venue order; here they are shuffled.
    private const string Shuffled = """
        {"grouping":"na","orders":[
          {"t":{"limit":{"tif":"Alo"}},"c":"0x0000000000000000000000000000000A","r":false,"s":"0.05","p":"1999.5","b":true,"a":4},
          {"c":"0x0000000000000000000000000000000b","a":4,"b":false,"p":"2000.50","s":"0.0500","r":false,"t":{"limit":{"tif":"Alo"}}}],
         "type":"order"}
        """;

    [Fact]
    public void Parse_KeysInAnyOrder_GivesTheVenueOrderedBytes()
    {
        var vector = SigningVectors.Array("derivedL1Vectors").Single(v => v.Str("name") == "mm_two_alo_orders_with_cloids");
        var action = ActionJson.Parse(Shuffled);
        Assert.Equal(vector.Str("msgpackHex"), SigningVectors.Hex(L1Signing.Msgpack(action)));
    }

    [Theory]
    [InlineData("""{"type":"twapOrder","twap":{}}""", "unknown action type 'twapOrder'")]
    [InlineData("""{"type":"noop","extra":1}""", "unknown field 'extra'")]
    [InlineData("""{"type":"cancel","cancels":[{"a":1,"o":2,"x":3}]}""", "action.cancels[0]: unknown field 'x'")]
    [InlineData("""{"type":"cancel","cancels":[{"a":1,"o":2}],"f":false}""", "must be omitted rather than false")]
    [InlineData("""{"type":"order","orders":[{"a":1,"b":true,"p":"1.000000001","s":"1","r":false,"t":{"limit":{"tif":"Gtc"}}}],"grouping":"na"}""", "more than 8 decimals")]
    [InlineData("""{"type":"order","orders":[{"a":1,"b":true,"p":"1","s":"1","r":false,"t":{"limit":{"tif":"Day"}}}],"grouping":"na"}""", "unknown time in force 'Day'")]
    [InlineData("""{"type":"updateLeverage","asset":1,"isCross":true}""", "missing field 'leverage'")]
    [InlineData("""{"orders":[]}""", "missing field 'type'")]
    [InlineData("""[1,2]""", "expected a JSON object")]
    [InlineData("""{"type":""", "not valid JSON")]
    public void Parse_InvalidAction_HasAClearMessage(string json, string fragment)
    {
        var ex = Assert.Throws<WireFormatException>(() => ActionJson.Parse(json));
        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RoundTrip_EveryActionType_WriteThenParse_GivesTheSameBytes()
    {
        var order = new OrderWire(new AssetId(4), true, 1999.5m, 0.05m, false, new LimitOrderKind(TimeInForce.Alo), new Cloid(10));
        var trigger = order with { Kind = new TriggerOrderKind(true, 103m, TpSl.StopLoss), Cloid = null };
        HyperliquidAction[] actions =
        [
            new OrderAction([order, trigger]),
            new CancelAction([new CancelWire(new AssetId(4), new OrderId(123))], Fast: true),
            new CancelByCloidAction([new CancelByCloidWire(new AssetId(4), new Cloid(10))]),
            new ModifyAction(OrderRef.ByCloid(new Cloid(10)), order, AlwaysPlace: true),
            new BatchModifyAction([new ModifyWire(OrderRef.ById(new OrderId(5)), order)]),
            new ScheduleCancelAction(null),
            new ScheduleCancelAction(1_700_000_060_000),
            new UpdateLeverageAction(new AssetId(0), false, 20),
            new NoopAction(),
        ];
        foreach (var action in actions)
        {
            var parsed = ActionJson.Parse(ActionJson.ToJson(action));
            Assert.Equal(action, parsed);
            Assert.Equal(action.GetHashCode(), parsed.GetHashCode());
            Assert.Equal(ActionJson.ToJson(action), ActionJson.ToJson(parsed));
            Assert.Equal(L1Signing.Msgpack(action), L1Signing.Msgpack(parsed));
        }
    }

    [Fact]
    public void Equality_ComparesListItems()
    {
        var a = new CancelAction([new CancelWire(new AssetId(1), new OrderId(2))]);
        Assert.Equal(a, new CancelAction([new CancelWire(new AssetId(1), new OrderId(2))]));
        Assert.NotEqual(a, new CancelAction([new CancelWire(new AssetId(1), new OrderId(3))]));
        Assert.NotEqual(a, a with { Fast = true });
    }

    [Fact]
    public void Fast_AndAlwaysPlace_AreTrailingKeysOnlyWhenTrue()
    {
        var cancel = new CancelAction([new CancelWire(new AssetId(1), new OrderId(2))]);
        Assert.Equal("""{"type":"cancel","cancels":[{"a":1,"o":2}]}""", ActionJson.ToJson(cancel));
        Assert.Equal("""{"type":"cancel","cancels":[{"a":1,"o":2}],"f":true}""", ActionJson.ToJson(cancel with { Fast = true }));
        var modify = new ModifyAction(OrderRef.ById(new OrderId(7)), new OrderWire(new AssetId(1), false, 2000m, 1m, true, new LimitOrderKind(TimeInForce.Gtc)), true);
        Assert.Equal(
            """{"type":"modify","oid":7,"order":{"a":1,"b":false,"p":"2000","s":"1","r":true,"t":{"limit":{"tif":"Gtc"}}},"a":true}""",
            ActionJson.ToJson(modify));
    }

    [Fact]
    public void ExchangeRequest_ParseAcceptsAnyKeyOrderAndNullsAndPythonStyleSignatures()
    {
        // The python SDK's official order vector (nonce 0, mainnet) with r/s as python prints them.
        const string json = """
            {"signature":{"v":28,"s":"0x2b54116ff64054968aa237c20ca9ff68000f977c93289157748a3162b6ea940e","r":"0xd65369825a9df5d80099e513cce430311d7d26ddf477f5b3a33d2806b100d78e"},
             "expiresAfter":null,"vaultAddress":null,"nonce":0,
             "action":{"grouping":"na","type":"order","orders":[{"a":1,"b":true,"p":"100","s":"100","r":false,"t":{"limit":{"tif":"Gtc"}}}]}}
            """;
        var request = ExchangeRequestJson.Parse(json);
        Assert.Equal("0x14791697260e4c9a71f18484c9f997b308e59325", request.RecoverSigner(isMainnet: true).Hex);
        Assert.Null(request.VaultAddress);
        Assert.Null(request.ExpiresAfter);
    }

    [Theory]
    [InlineData("""{"action":{"type":"noop"},"nonce":1,"signature":{"r":"0x1","s":"0x1","v":27},"vaultAddress":null,"extra":1}""", "request: unknown field 'extra'")]
    [InlineData("""{"action":{"type":"noop"},"signature":{"r":"0x1","s":"0x1","v":27}}""", "request: missing field 'nonce'")]
    [InlineData("""{"action":{"type":"noop"},"nonce":1,"signature":{"r":"0x1","s":"0x1","v":29}}""", "request.signature")]
    [InlineData("""{"action":{"type":"noop"},"nonce":1,"signature":{"r":"0x1","s":"0x1","v":27},"vaultAddress":"0x12"}""", "request.vaultAddress")]
    public void ExchangeRequest_ParseInvalid_HasAClearMessage(string json, string fragment)
    {
        var ex = Assert.Throws<WireFormatException>(() => ExchangeRequestJson.Parse(json));
        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExchangeRequest_Write_PadsSignatureAndWritesVaultAndExpiry()
    {
        var key = PrivateKey.Parse("0x0123456789012345678901234567890123456789012345678901234567890123");
        var vault = Address.Parse("0x1719884eb866cb12b2287399b15f7db5e7d775ea");
        var request = HyperliquidSigning.Sign(key, new NoopAction(), 1_700_000_000_000, false, vault, 1_700_000_010_000);
        var json = ExchangeRequestJson.Write(request);
        Assert.StartsWith("""{"action":{"type":"noop"},"nonce":1700000000000,"signature":{"r":"0x""", json, StringComparison.Ordinal);
        Assert.EndsWith(""","vaultAddress":"0x1719884eb866cb12b2287399b15f7db5e7d775ea","expiresAfter":1700000010000}""", json, StringComparison.Ordinal);
        var parsed = ExchangeRequestJson.Parse(json);
        Assert.Equal(request, parsed);
        Assert.Equal(key.Address, parsed.RecoverSigner(false));
    }
}
