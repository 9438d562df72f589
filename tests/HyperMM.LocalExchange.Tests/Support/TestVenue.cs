using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using HyperMM.Hyperliquid.Actions;
using HyperMM.Hyperliquid.Json;
using HyperMM.Hyperliquid.Signing;
using HyperMM.LocalExchange.Accounts;
using HyperMM.LocalExchange.Faults;

namespace HyperMM.LocalExchange.Tests.Support;

/// <summary>
/// A local exchange on a free loopback port with a scripted market (ETH 2999.9 / 3000.1 to start, BTC and HYPE
/// books too) and one funded rehearsal account; helpers to sign and post actions as raw HTTP.
/// </summary>
public sealed class TestVenue : IAsyncDisposable
{
    private long _nonce;

    private TestVenue(LocalExchangeHandle handle, ScriptedMarket market, RehearsalAccount account, HttpClient http, long nonceStart)
    {
        Handle = handle;
        Market = market;
        Account = account;
        Http = http;
        _nonce = nonceStart;
    }

    public LocalExchangeHandle Handle { get; }

    public ScriptedMarket Market { get; }

    public RehearsalAccount Account { get; }

    public HttpClient Http { get; }

    public static async Task<TestVenue> StartAsync(LocalExchangeOptions? options = null)
    {
        var market = new ScriptedMarket();
        market.Book("ETH", 2999.9m, 3000.1m, 0.1m);
        market.Book("BTC", 99_999m, 100_001m, 1m, 1m);
        market.Book("HYPE", 39.99m, 40.01m, 0.01m, 100m);
        var o = (options ?? new LocalExchangeOptions()) with { MarketSource = market, MarketStep = TimeSpan.FromHours(1) };
        var handle = await LocalExchangeServer.StartAsync(o);
        var account = handle.CreateRehearsalAccount("mm_eth_perp", 100_000m);
        var http = new HttpClient { BaseAddress = handle.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        return new TestVenue(handle, market, account, http, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    }

    public long NextNonce() => Interlocked.Increment(ref _nonce);

    /// <summary>Signs with the account's agent key on the venue's network and posts; the parsed JSON answer.</summary>
    public Task<JsonElement> SendAsync(HyperliquidAction action) => SendAsync(action, Account.AgentKey, NextNonce(), Handle.IsMainnet);

    public async Task<JsonElement> SendAsync(HyperliquidAction action, PrivateKey key, long nonce, bool isMainnet)
    {
        var request = HyperliquidSigning.Sign(key, action, nonce, isMainnet);
        return await PostRawAsync("/exchange", ExchangeRequestJson.Write(request));
    }

    public async Task<JsonElement> PostRawAsync(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await Http.PostAsync(new Uri(path, UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Posts a body as is; the status code and the body text, whatever they are.</summary>
    public async Task<(int Status, string Body)> PostAnyAsync(string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await Http.PostAsync(new Uri(path, UriKind.Relative), content);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Signs <paramref name="signedAction"/> with the agent key over its strings exactly as written (as a client
    /// that formats its own numbers does), then posts a literal body whose action is <paramref name="sentAction"/>
    /// (default: the same text).
    /// </summary>
    public Task<JsonElement> PostLiteralAsync(string signedAction, string? sentAction = null)
    {
        var nonce = NextNonce();
        using var doc = JsonDocument.Parse(signedAction);
        var msgpack = L1Signing.Msgpack(ActionJson.Parse(doc.RootElement), doc.RootElement);
        var signature = Secp256k1.Sign(Account.AgentKey, HyperliquidSigning.PrepareL1(msgpack, nonce, Handle.IsMainnet).Digest);
        var body = $$"""{"action":{{sentAction ?? signedAction}},"nonce":{{nonce}},"signature":{"r":"{{signature.R}}","s":"{{signature.S}}","v":{{signature.V}}},"vaultAddress":null}""";
        return PostRawAsync("/exchange", body);
    }

    public Task<JsonElement> InfoAsync(string json) => PostRawAsync("/info", json);

    public Task<JsonElement> InfoAsync(string type, string user) => InfoAsync($"{{\"type\":\"{type}\",\"user\":\"{user}\"}}");

    /// <summary>Applies the queued scripted events now.</summary>
    public void Step() => Handle.Feed.StepOnce();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Handle.DisposeAsync();
    }

    public static FaultOptions NoFaults => new();
}
