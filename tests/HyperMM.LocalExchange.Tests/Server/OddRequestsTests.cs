using HyperMM.LocalExchange.Tests.Support;

namespace HyperMM.LocalExchange.Tests.Server;

/// <summary>
/// Whatever a client sends, it gets an answer it can read: an HTTP error with a body, or an error frame on a
/// WebSocket that stays open. Never an empty 500, never a silent close. Bodies are literal JSON (or not JSON).
/// </summary>
public sealed class OddRequestsTests : IAsyncLifetime
{
    private const string Sig = "\"signature\":{\"r\":\"0x1\",\"s\":\"0x2\",\"v\":27}";
    private TestVenue _v = null!;

    public async Task InitializeAsync() => _v = await TestVenue.StartAsync();

    public async Task DisposeAsync() => await _v.DisposeAsync();

    [Fact]
    public async Task Meta_WithAnEmptyCoin_IsTheMeta()
    {
        var meta = await _v.InfoAsync("""{"type":"meta","coin":""}""");
        Assert.Equal(160, meta.GetProperty("universe").GetArrayLength()); // mainnet's universe up to HYPE (asset 159)
    }

    [Theory]
    [InlineData("""{"type":"l2Book","coin":""}""")]
    [InlineData("""{"type":"l2Book","coin":"   "}""")]
    [InlineData("""{"type":"l2Book","coin":5}""")]
    [InlineData("""{"type":"l2Book","coin":"DOGE"}""")]
    [InlineData("""{"type":"activeAssetData","user":"0x0000000000000000000000000000000000000001","coin":""}""")]
    [InlineData("""{"type":"orderStatus","user":"0x0000000000000000000000000000000000000001","oid":1e30}""")]
    [InlineData("""{"type":"orderStatus","user":"0x0000000000000000000000000000000000000001","oid":"abc"}""")]
    [InlineData("""{"type":"userFillsByTime","user":"0x0000000000000000000000000000000000000001","startTime":99999999999999999999999}""")]
    [InlineData("""{"type":"candleSnapshot","req":null}""")]
    [InlineData("""{"type":"candleSnapshot","req":{"coin":"ETH","interval":"1m","startTime":-5,"endTime":1e300}}""")]
    [InlineData("""{"type":"clearinghouseState","user":"0xZZ"}""")]
    [InlineData("""{"type":"clearinghouseState","user":null}""")]
    [InlineData("""{"type":null}""")]
    [InlineData("""{"type":"nosuchtype"}""")]
    [InlineData("[1,2]")]
    [InlineData("\"x\"")]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"type\":\"meta\"")]
    public async Task Info_OddBodies_Get422WithABody(string body)
    {
        var (status, text) = await _v.PostAnyAsync("/info", body);
        Assert.Equal(422, status);
        Assert.StartsWith("Failed to deserialize the JSON body into the target type", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"action\":{\"type\":\"noop\"},\"nonce\":1," + Sig + ",\"expiresAfter\":-1}", "expiresAfter")]
    [InlineData("{\"action\":{\"type\":\"noop\"},\"nonce\":1e30," + Sig + "}", "nonce")]
    [InlineData("{\"action\":{\"type\":\"noop\"},\"nonce\":-1," + Sig + "}", "nonce")]
    [InlineData("{\"action\":{\"type\":\"noop\"},\"nonce\":1,\"signature\":{\"r\":\"0x1\",\"s\":\"0x2\",\"v\":1e400}}", "signature.v")]
    [InlineData("{\"action\":{\"type\":\"order\",\"orders\":[{\"a\":99999999999,\"b\":true,\"p\":\"1\",\"s\":\"1\",\"r\":false,\"t\":{\"limit\":{\"tif\":\"Gtc\"}}}],\"grouping\":\"na\"},\"nonce\":1," + Sig + "}", "orders[0].a")]
    [InlineData("{\"action\":{\"type\":\"order\",\"orders\":[{\"a\":1,\"b\":true,\"p\":\"1e5\",\"s\":\"1\",\"r\":false,\"t\":{\"limit\":{\"tif\":\"Gtc\"}}}],\"grouping\":\"na\"},\"nonce\":1," + Sig + "}", "orders[0].p")]
    [InlineData("{\"action\":{\"type\":\"order\",\"orders\":[{\"a\":1,\"b\":true,\"p\":\"99999999999999999999999999999999999\",\"s\":\"1\",\"r\":false,\"t\":{\"limit\":{\"tif\":\"Gtc\"}}}],\"grouping\":\"na\"},\"nonce\":1," + Sig + "}", "orders[0].p")]
    [InlineData("{\"action\":{\"type\":\"updateLeverage\",\"asset\":1,\"isCross\":\"no\",\"leverage\":5},\"nonce\":1," + Sig + "}", "isCross")]
    [InlineData("{\"action\":null,\"nonce\":1," + Sig + "}", "action")]
    [InlineData("{\"action\":{\"type\":\"noop\"}," + Sig + "}", "nonce")]
    [InlineData("[]", "request")]
    [InlineData("nonsense", "request")]
    public async Task Exchange_OddBodies_Get422NamingTheField(string body, string field)
    {
        var (status, text) = await _v.PostAnyAsync("/exchange", body);
        Assert.Equal(422, status);
        Assert.StartsWith("Failed to deserialize the JSON body into the target type", text, StringComparison.Ordinal);
        Assert.Contains(field, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exchange_WellFormedButWronglySigned_IsAnErrorAnswerNotA500()
    {
        var answer = await _v.PostRawAsync("/exchange", "{\"action\":{\"type\":\"scheduleCancel\",\"time\":-5},\"nonce\":1," + Sig + "}");
        Assert.Equal("err", answer.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("""{"method":"post","id":null,"request":{"type":"info","payload":{"type":"meta"}}}""")]
    [InlineData("""{"method":"post","id":"7","request":{"type":"info","payload":{"type":"meta"}}}""")]
    [InlineData("""{"method":"post","id":1.5,"request":{"type":"info","payload":{"type":"meta"}}}""")]
    [InlineData("""{"method":"post","id":1}""")]
    [InlineData("""{"method":"post"}""")]
    [InlineData("""{"method":null}""")]
    [InlineData("""{"method":"subscribe","subscription":null}""")]
    [InlineData("""{"method":"subscribe","subscription":{"type":"l2Book","coin":""}}""")]
    [InlineData("""{"method":"unsubscribe","subscription":{"type":"l2Book","coin":"ETH"}}""")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("")]
    [InlineData("not json")]
    public async Task Ws_OddMessages_GetAnErrorFrame_AndTheSocketStaysOpen(string message)
    {
        await using var ws = await WsProbe.ConnectAsync(_v.Handle.WebSocketUrl);
        await ws.SendAsync(message);
        var frame = await ws.ReceiveAsync();
        Assert.Equal("error", frame.GetProperty("channel").GetString());
        Assert.False(string.IsNullOrEmpty(frame.GetProperty("data").GetString()));
        await ws.SendAsync("""{"method":"ping"}""");
        Assert.Equal("pong", (await ws.ReceiveAsync()).GetProperty("channel").GetString());
    }

    [Theory]
    [InlineData("""{"method":"post","id":1,"request":{}}""")]
    [InlineData("""{"method":"post","id":1,"request":null}""")]
    [InlineData("""{"method":"post","id":1,"request":{"type":"info","payload":{}}}""")]
    [InlineData("""{"method":"post","id":1,"request":{"type":"info","payload":{"type":"l2Book","coin":""}}}""")]
    [InlineData("""{"method":"post","id":1,"request":{"type":"info","payload":{"type":"l2Book","coin":"ETH","nSigFigs":9}}}""")]
    [InlineData("""{"method":"post","id":1,"request":{"type":"action","payload":{}}}""")]
    [InlineData("""{"method":"post","id":1,"request":{"type":"action","payload":{"action":{"type":"noop"},"nonce":1,"signature":{"r":"0x1","s":"0x2","v":27},"expiresAfter":-1}}}""")]
    public async Task Ws_OddPosts_GetAnErrorPostReply_ForTheirId(string message)
    {
        await using var ws = await WsProbe.ConnectAsync(_v.Handle.WebSocketUrl);
        await ws.SendAsync(message);
        var frame = await ws.ReceiveAsync();
        Assert.Equal("post", frame.GetProperty("channel").GetString());
        Assert.Equal(1, frame.GetProperty("data").GetProperty("id").GetInt64());
        Assert.Equal("error", frame.GetProperty("data").GetProperty("response").GetProperty("type").GetString());
        await ws.SendAsync("""{"method":"ping"}""");
        Assert.Equal("pong", (await ws.ReceiveAsync()).GetProperty("channel").GetString());
    }
}
