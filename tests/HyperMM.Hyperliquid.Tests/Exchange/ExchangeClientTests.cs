using System.Net;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.Hyperliquid.Accounts;
using HyperMM.Hyperliquid.Actions;
using HyperMM.Hyperliquid.Exchange;
using HyperMM.Hyperliquid.Json;
using HyperMM.Hyperliquid.Signing;
using HyperMM.Hyperliquid.Transport;
using Microsoft.Extensions.Time.Testing;

namespace HyperMM.Hyperliquid.Tests.Exchange;

public sealed class ExchangeClientTests : IDisposable
{
    private static readonly PrivateKey Key = PrivateKey.Parse("0x0123456789012345678901234567890123456789012345678901234567890123");
    private static readonly OrderWire Bid = new(new AssetId(4), true, 1999.5m, 0.05m, false, new LimitOrderKind(TimeInForce.Alo), new Cloid(10));
    private static readonly OrderWire Ask = new(new AssetId(4), false, 2000.5m, 0.05m, false, new LimitOrderKind(TimeInForce.Alo), new Cloid(11));

    private readonly StubHandler _handler = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));

    [Fact]
    public async Task PlaceOrders_MapsRestingFilledAndErrorStatuses()
    {
        _handler.Answer(HttpStatusCode.OK, """
            {"status":"ok","response":{"type":"order","data":{"statuses":[{"resting":{"oid":77738308,"cloid":"0x0000000000000000000000000000000a"}},{"filled":{"totalSz":"0.02","avgPx":"1891.4","oid":77747314}}]}}}
            """);
        var results = await Client().PlaceOrdersAsync([Bid, Ask], CancellationToken.None);
        Assert.Equal(OrderResult.Resting(new OrderId(77738308), new Cloid(10)), results[0]);
        Assert.Equal(OrderResult.Filled(new OrderId(77747314), new Cloid(11), 0.02m, 1891.4m), results[1]);

        // What was posted: a signed request whose signer recovers to our key, sent to /exchange, nonce = clock.
        var (uri, body) = Assert.Single(_handler.Requests);
        Assert.Equal("https://api.hyperliquid-testnet.xyz/exchange", uri.ToString());
        var request = ExchangeRequestJson.Parse(body);
        Assert.Equal(1_700_000_000_000, request.Nonce);
        Assert.Equal(Key.Address, request.RecoverSigner(isMainnet: false));
    }

    [Fact]
    public async Task PlaceOrders_OneBatchPreValidationError_AppliesToEveryOrder()
    {
        _handler.Answer(HttpStatusCode.OK, """{"status":"ok","response":{"type":"order","data":{"statuses":[{"error":"Price must be divisible by tick size. asset=4"}]}}}""");
        var results = await Client().PlaceOrdersAsync([Bid, Ask], CancellationToken.None);
        Assert.All(results, r => Assert.Equal(RejectReason.TickSize, r.Reason));
        Assert.Equal(new Cloid(11), results[1].Cloid);
    }

    [Fact]
    public async Task WholeActionError_RejectsEveryOrderWithTheTableReason()
    {
        _handler.Answer(HttpStatusCode.OK, """{"status":"err","response":"User or API Wallet 0x1234567890123456789012345678901234567890 does not exist."}""");
        var results = await Client().PlaceOrdersAsync([Bid, Ask], CancellationToken.None);
        Assert.All(results, r => Assert.Equal(RejectReason.UnknownAccount, r.Reason));
        Assert.All(results, r => Assert.Equal(OrderResultKind.Rejected, r.Kind));
    }

    [Fact]
    public async Task Http429_IsRateLimited_AndNotResent()
    {
        _handler.Answer(HttpStatusCode.TooManyRequests, "");
        var results = await Client().PlaceOrdersAsync([Bid], CancellationToken.None);
        Assert.Equal(RejectReason.HttpRateLimited, results[0].Reason);
        Assert.Single(_handler.Requests);
    }

    [Fact]
    public async Task Http5xx_IsAmbiguous_AndNeverResent()
    {
        _handler.Answer(HttpStatusCode.BadGateway, "bad gateway");
        var results = await Client().PlaceOrdersAsync([Bid], CancellationToken.None);
        Assert.True(results[0].Reason.IsAmbiguous());
        Assert.Single(_handler.Requests);
    }

    [Fact]
    public async Task Timeout_IsAmbiguous_AndCallerCancellationThrows()
    {
        _handler.Hang();
        var outcome = await Client(timeout: TimeSpan.FromMilliseconds(50)).NoopAsync(CancellationToken.None);
        Assert.Equal(RejectReason.Timeout, outcome.Reason);
        Assert.True(outcome.IsAmbiguous);

        _handler.Hang();
        using var cts = new CancellationTokenSource();
        var pending = Client().NoopAsync(cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }

    [Fact]
    public async Task ConnectionFailure_IsTransport()
    {
        _handler.Throw(new HttpRequestException("connection refused"));
        var outcome = await Client().NoopAsync(CancellationToken.None);
        Assert.Equal(RejectReason.Transport, outcome.Reason);
    }

    [Fact]
    public async Task Cancel_MapsSuccessAndMissingOrder()
    {
        _handler.Answer(HttpStatusCode.OK, """{"status":"ok","response":{"type":"cancel","data":{"statuses":["success",{"error":"Order was never placed, already canceled, or filled. asset=4"}]}}}""");
        var results = await Client().CancelAsync([new CancelWire(new AssetId(4), new OrderId(1)), new CancelWire(new AssetId(4), new OrderId(2))], CancellationToken.None);
        Assert.Equal(CancelResult.Ok, results[0]);
        Assert.Equal(RejectReason.OrderNotFound, results[1].Reason);
        Assert.True(results[1].OrderGone);
    }

    [Fact]
    public async Task VaultAndExpiresAfter_GoIntoTheSignedRequest()
    {
        _handler.Answer(HttpStatusCode.OK, """{"status":"ok","response":{"type":"default"}}""");
        var vault = Address.Parse("0x1719884eb866cb12b2287399b15f7db5e7d775ea");
        var client = Client(account: new TradingAccount(Key, vault: vault), expiresAfter: TimeSpan.FromSeconds(10));
        var outcome = await client.ScheduleCancelAsync(1_700_000_060_000, CancellationToken.None);
        Assert.True(outcome.Success);
        var request = ExchangeRequestJson.Parse(_handler.Requests[0].Body);
        Assert.Equal(vault, request.VaultAddress);
        Assert.Equal(1_700_000_010_000, request.ExpiresAfter);
        Assert.Equal(Key.Address, request.RecoverSigner(false));
    }

    [Fact]
    public async Task ApproveAgent_WithAnAgentKey_IsRefused()
    {
        var master = Address.Parse("0x1719884eb866cb12b2287399b15f7db5e7d775ea");
        var client = Client(account: new TradingAccount(Key, master));
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.ApproveAgentAsync(Address.Zero, null, CancellationToken.None));
    }

    [Fact]
    public async Task ApproveAgent_UsesTheEnvelopeNonceInsideTheAction()
    {
        _handler.Answer(HttpStatusCode.OK, """{"status":"ok","response":{"type":"default"}}""");
        var agent = Address.Parse("0xcd49bbac6e85fdeb167eb7ca41a945d2b8758f6f");
        Assert.True((await Client().ApproveAgentAsync(agent, "mmbot", CancellationToken.None)).Success);
        var request = ExchangeRequestJson.Parse(_handler.Requests[0].Body);
        var action = Assert.IsType<ApproveAgentAction>(request.Action);
        Assert.Equal(request.Nonce, action.Nonce);
        Assert.False(action.IsMainnet);
        Assert.Null(request.EnvelopeError(false));
        Assert.Equal(Key.Address, request.RecoverSigner(false));
    }

    public void Dispose() => _handler.Dispose();

    private ExchangeClient Client(TradingAccount? account = null, TimeSpan? timeout = null, TimeSpan? expiresAfter = null)
    {
        var transport = new HttpTransport(new HttpClient(_handler, disposeHandler: false), timeout ?? TimeSpan.FromSeconds(30));
        return new ExchangeClient(transport, HyperliquidEndpoint.Testnet, account ?? new TradingAccount(Key), new NonceSource(_time), _time, expiresAfter);
    }
}
