using System.Net;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.Hyperliquid.Accounts;
using HyperMM.Hyperliquid.Info;
using HyperMM.Hyperliquid.Tests.Exchange;
using HyperMM.Hyperliquid.Transport;

namespace HyperMM.Hyperliquid.Tests.Info;

public sealed class InfoClientTests : IDisposable
{
    private static readonly Address User = Address.Parse("0x5e9ee1089755c3435139848e47e6635505d5a13a");
    private readonly StubHandler _handler = new();

    [Fact]
    public async Task Requests_HaveTheDocumentedBodies()
    {
        for (var i = 0; i < 6; i++)
        {
            _handler.Answer(HttpStatusCode.OK, "[]");
        }

        var client = Client(RetryPolicy.None);
        await client.OpenOrdersAsync(User, CancellationToken.None);
        await client.UserFillsByTimeAsync(User, 1683245555699, 1683245884863, CancellationToken.None);
        await client.ExtraAgentsAsync(User, CancellationToken.None);
        await client.CandleSnapshotAsync(new Coin("ETH"), "1m", 1, 2, CancellationToken.None);
        await client.FrontendOpenOrdersAsync(User, CancellationToken.None);
        await client.UserFillsAsync(User, CancellationToken.None, aggregateByTime: true);
        Assert.Equal(
        [
            """{"type":"openOrders","user":"0x5e9ee1089755c3435139848e47e6635505d5a13a"}""",
            """{"type":"userFillsByTime","user":"0x5e9ee1089755c3435139848e47e6635505d5a13a","startTime":1683245555699,"endTime":1683245884863}""",
            """{"type":"extraAgents","user":"0x5e9ee1089755c3435139848e47e6635505d5a13a"}""",
            """{"type":"candleSnapshot","req":{"coin":"ETH","interval":"1m","startTime":1,"endTime":2}}""",
            """{"type":"frontendOpenOrders","user":"0x5e9ee1089755c3435139848e47e6635505d5a13a"}""",
            """{"type":"userFills","user":"0x5e9ee1089755c3435139848e47e6635505d5a13a","aggregateByTime":true}""",
        ],
            _handler.Requests.Select(r => r.Body));
        Assert.All(_handler.Requests, r => Assert.Equal("https://api.hyperliquid.xyz/info", r.Uri.ToString()));

        // The server side reads the same bodies back.
        var parsed = _handler.Requests.Select(r => InfoRequest.Parse(System.Text.Encoding.UTF8.GetBytes(r.Body))).ToList();
        Assert.Equal(new InfoRequest("openOrders", User), parsed[0]);
        Assert.Equal(new InfoRequest("userFillsByTime", User, StartTime: 1683245555699, EndTime: 1683245884863), parsed[1]);
        Assert.Equal(new InfoRequest("candleSnapshot", Coin: new Coin("ETH"), StartTime: 1, EndTime: 2, Interval: "1m"), parsed[3]);
        Assert.True(parsed[5].AggregateByTime);
    }

    [Fact]
    public async Task OrderStatus_ByCloid_SendsTheCloidString()
    {
        _handler.Answer(HttpStatusCode.OK, """{"status":"unknownOid"}""");
        var status = await Client(RetryPolicy.None).OrderStatusAsync(User, new Cloid(10), CancellationToken.None);
        Assert.False(status.Found);
        Assert.Contains("\"oid\":\"0x0000000000000000000000000000000a\"", _handler.Requests[0].Body, StringComparison.Ordinal);
        Assert.Equal(new Cloid(10), InfoRequest.Parse(System.Text.Encoding.UTF8.GetBytes(_handler.Requests[0].Body)).Cloid);
    }

    [Fact]
    public async Task ServerErrorsAndRateLimits_AreRetriedThenSucceed()
    {
        _handler.Answer(HttpStatusCode.InternalServerError, "").Answer(HttpStatusCode.TooManyRequests, "").Answer(HttpStatusCode.OK, """{"role":"user"}""");
        var role = await Client(new RetryPolicy(3, TimeSpan.Zero, TimeSpan.Zero)).UserRoleAsync(User, CancellationToken.None);
        Assert.Equal("user", role.Role);
        Assert.Equal(3, _handler.Requests.Count);
    }

    [Fact]
    public async Task RetriesAreBounded_ThenTheReasonIsReported()
    {
        _handler.Answer(HttpStatusCode.TooManyRequests, "").Answer(HttpStatusCode.TooManyRequests, "");
        var ex = await Assert.ThrowsAsync<HyperliquidInfoException>(() => Client(new RetryPolicy(2, TimeSpan.Zero, TimeSpan.Zero)).AllMidsAsync(CancellationToken.None));
        Assert.Equal(RejectReason.HttpRateLimited, ex.Reason);
        Assert.Equal(2, _handler.Requests.Count);
    }

    [Fact]
    public async Task ClientErrors_AreNotRetried()
    {
        _handler.Answer(HttpStatusCode.UnprocessableEntity, "Failed to deserialize the JSON body into the target type");
        var ex = await Assert.ThrowsAsync<HyperliquidInfoException>(() => Client(new RetryPolicy(3, TimeSpan.Zero, TimeSpan.Zero)).MetaAsync(CancellationToken.None));
        Assert.Contains("Failed to deserialize", ex.Message, StringComparison.Ordinal);
        Assert.Single(_handler.Requests);
    }

    [Fact]
    public void RetryPolicy_BacksOffExponentiallyWithACap()
    {
        // base 250 ms: attempt 2 → 250, 3 → 500, 4 → 1000, 5 → 2000, 6 → capped at 2000.
        var policy = RetryPolicy.Default;
        Assert.Equal(
            [250, 500, 1000, 2000, 2000],
            new[] { 2, 3, 4, 5, 6 }.Select(a => policy.DelayBefore(a).TotalMilliseconds));
    }

    public void Dispose() => _handler.Dispose();

    private InfoClient Client(RetryPolicy retry)
        => new(new HttpTransport(new HttpClient(_handler, disposeHandler: false), TimeSpan.FromSeconds(30)), HyperliquidEndpoint.Mainnet, TimeProvider.System, retry);
}
