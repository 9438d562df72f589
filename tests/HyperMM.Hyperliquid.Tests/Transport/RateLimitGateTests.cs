using System.Net;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.Hyperliquid.Accounts;
using HyperMM.Hyperliquid.Actions;
using HyperMM.Hyperliquid.Exchange;
using HyperMM.Hyperliquid.Info;
using HyperMM.Hyperliquid.Json;
using HyperMM.Hyperliquid.Signing;
using HyperMM.Hyperliquid.Tests.Exchange;
using HyperMM.Hyperliquid.Transport;
using Microsoft.Extensions.Time.Testing;

namespace HyperMM.Hyperliquid.Tests.Transport;

public sealed class RateLimitGateTests : IDisposable
{
    private static readonly Address User = Address.Parse("0x5e9ee1089755c3435139848e47e6635505d5a13a");
    private static readonly PrivateKey Key = PrivateKey.Parse("0x0123456789012345678901234567890123456789012345678901234567890123");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
    private readonly StubHandler _handler = new();
    private readonly List<string> _announced = [];

    public void Dispose() => _handler.Dispose();

    private RateLimitGate Gate(TimeSpan? maxWait = null)
    {
        var gate = new RateLimitGate(_time, maxWait: maxWait);
        gate.Waiting += (_, line) => _announced.Add(line);
        return gate;
    }

    private HttpTransport Transport(RateLimitGate gate) => new(new HttpClient(_handler, disposeHandler: false), TimeSpan.FromSeconds(30), gate);

    /// <summary>Runs a call that waits on the fake clock, advancing it a second at a time until it completes.</summary>
    private async Task<T> Drive<T>(Task<T> call)
    {
        for (var i = 0; i < 1_000 && !call.IsCompleted; i++)
        {
            await Task.Delay(5);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        return await call;
    }

    [Fact]
    public void Pauses_Double_FromOneSecond_UpToTheCap_AndASuccessStartsOver()
    {
        var gate = Gate();
        var pauses = new List<double>();
        for (var i = 0; i < 6; i++)
        {
            pauses.Add(gate.OnRateLimited(null, "/info meta").TotalSeconds);
            _time.Advance(TimeSpan.FromSeconds(pauses[^1]));
        }

        Assert.Equal([1, 2, 4, 8, 15, 15], pauses);
        gate.OnSuccess();
        Assert.Equal(1, gate.OnRateLimited(null, "/info meta").TotalSeconds);
    }

    [Fact]
    public void Concurrent429s_ShareOnePause_InsteadOfEscalating()
    {
        var gate = Gate();
        var pauses = Enumerable.Range(0, 5).Select(_ => gate.OnRateLimited(null, "/info userRole").TotalSeconds).ToList();
        Assert.Equal([1, 1, 1, 1, 1], pauses);
        Assert.Single(_announced);
    }

    [Fact]
    public void RetryAfter_IsHonoured_AndA429DuringAPauseDoesNotAnnounceAgain()
    {
        var gate = Gate();
        Assert.Equal(TimeSpan.FromSeconds(23), gate.OnRateLimited(TimeSpan.FromSeconds(23), "/info userRole"));
        Assert.True(gate.IsPaused);
        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(TimeSpan.FromSeconds(20), gate.OnRateLimited(null, "/info meta")); // the gate is already closed for longer
        Assert.Equal(["rate limited by the venue (HTTP 429): waiting 23 s before retrying /info userRole"], _announced);
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.False(gate.IsPaused);
    }

    [Fact]
    public async Task InfoQuery_WaitsThrough429s_BeyondItsRetryAttempts_AndSucceeds()
    {
        for (var i = 0; i < 5; i++)
        {
            _handler.Answer(HttpStatusCode.TooManyRequests, "429 Too Many Requests");
        }

        _handler.Answer(HttpStatusCode.OK, """{"role":"user"}""");
        var info = new InfoClient(Transport(Gate()), HyperliquidEndpoint.Testnet, _time, new RetryPolicy(2, TimeSpan.Zero, TimeSpan.Zero));
        var started = _time.GetTimestamp();

        var role = await Drive(info.UserRoleAsync(User, CancellationToken.None));

        Assert.Equal("user", role.Role);
        Assert.Equal(6, _handler.Requests.Count);
        // 1 + 2 + 4 + 8 + 15 s of pauses: the window had time to refill before each retry.
        Assert.True(_time.GetElapsedTime(started) >= TimeSpan.FromSeconds(30));
        Assert.Equal(5, _announced.Count);
        Assert.Equal("rate limited by the venue (HTTP 429): waiting 1 s before retrying /info userRole", _announced[0]);
    }

    [Fact]
    public async Task InfoQuery_StillLimitedAfterTheLongestWait_FailsWithTheRateLimitReason()
    {
        for (var i = 0; i < 20; i++)
        {
            _handler.Answer(HttpStatusCode.TooManyRequests, "");
        }

        var info = new InfoClient(Transport(Gate(maxWait: TimeSpan.FromSeconds(20))), HyperliquidEndpoint.Testnet, _time);
        var ex = await Assert.ThrowsAsync<HyperliquidInfoException>(() => Drive(info.MetaAsync(CancellationToken.None)));
        Assert.Equal(RejectReason.HttpRateLimited, ex.Reason);
        Assert.Contains("still rate limited", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_RefusedWith429_IsSignedAgainAndResentAfterThePause()
    {
        _handler.Answer(HttpStatusCode.TooManyRequests, "")
            .Answer(HttpStatusCode.OK, """{"status":"ok","response":{"type":"cancel","data":{"statuses":["success"]}}}""");
        var client = new ExchangeClient(Transport(Gate()), HyperliquidEndpoint.Testnet, new TradingAccount(Key), new NonceSource(_time), _time);

        var results = await Drive(client.CancelAsync([new CancelWire(new AssetId(1), new OrderId(7))], CancellationToken.None));

        Assert.Equal(CancelResult.Ok, Assert.Single(results));
        Assert.Equal(2, _handler.Requests.Count);
        Assert.NotEqual(ExchangeRequestJson.Parse(_handler.Requests[0].Body).Nonce, ExchangeRequestJson.Parse(_handler.Requests[1].Body).Nonce);
    }

    [Fact]
    public async Task Order_RefusedWith429_IsNotResent_ButClosesTheGateForEveryone()
    {
        _handler.Answer(HttpStatusCode.TooManyRequests, "");
        var gate = Gate();
        var client = new ExchangeClient(Transport(gate), HyperliquidEndpoint.Testnet, new TradingAccount(Key), new NonceSource(_time), _time);

        var results = await client.PlaceOrdersAsync([new OrderWire(new AssetId(1), true, 3000m, 0.01m, false, new LimitOrderKind(TimeInForce.Gtc), null)], CancellationToken.None);

        Assert.Equal(RejectReason.HttpRateLimited, Assert.Single(results).Reason);
        Assert.Single(_handler.Requests);
        Assert.True(gate.IsPaused);
    }
}
