using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Accounts;
using HyperMM.Hyperliquid.Signing;
using Microsoft.Extensions.Time.Testing;

namespace HyperMM.Hyperliquid.Tests;

public class AccountsTests
{
    private static readonly PrivateKey Key = PrivateKey.Parse("0x0123456789012345678901234567890123456789012345678901234567890123");

    [Fact]
    public void NonceSource_IsTheClockInMs_AndStrictlyIncreasingWithinOneMillisecond()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        var nonces = new NonceSource(time);
        Assert.Equal(1_700_000_000_000, nonces.Next());
        Assert.Equal(1_700_000_000_001, nonces.Next());
        Assert.Equal(1_700_000_000_002, nonces.Next());
        time.Advance(TimeSpan.FromMilliseconds(10));
        Assert.Equal(1_700_000_000_010, nonces.Next());
    }

    [Fact]
    public void NonceSource_ClockSteppingBack_StillIncreases()
    {
        var time = new SettableTime { Now = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000) };
        var nonces = new NonceSource(time);
        Assert.Equal(1_700_000_000_000, nonces.Next());
        time.Now = DateTimeOffset.FromUnixTimeMilliseconds(1_600_000_000_000);
        Assert.Equal(1_700_000_000_001, nonces.Next());
    }

    [Fact]
    public async Task NonceSource_ConcurrentCallers_NeverShareANonce()
    {
        var nonces = new NonceSource(new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000)));
        var all = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Enumerable.Range(0, 1000).Select(_ => nonces.Next()).ToArray())));
        var flat = all.SelectMany(x => x).ToArray();
        Assert.Equal(flat.Length, flat.Distinct().Count());
        Assert.Equal(1_700_000_000_000 + 8000 - 1, flat.Max());
    }

    [Fact]
    public void TradingAccount_AgentVersusMaster()
    {
        var master = Address.Parse("0x1719884eb866cb12b2287399b15f7db5e7d775ea");
        var self = new TradingAccount(Key);
        Assert.False(self.IsAgent);
        Assert.Equal(Key.Address, self.QueryAddress);

        var agent = new TradingAccount(Key, master);
        Assert.True(agent.IsAgent);
        Assert.Equal(master, agent.QueryAddress);
        Assert.DoesNotContain("0123456789012345678901234567890123456789", agent.ToString(), StringComparison.Ordinal);

        var sub = Address.Parse("0x1d9470d4b963f552e6f671a81619d395877bf409");
        Assert.Equal(sub, new TradingAccount(Key, master, sub).QueryAddress);
        Assert.Throws<ArgumentException>(() => new TradingAccount(Key, master, master));
    }

    [Fact]
    public void Endpoints_BuildTheDocumentedUris()
    {
        Assert.Equal("https://api.hyperliquid.xyz/info", HyperliquidEndpoint.Mainnet.InfoUri.ToString());
        Assert.Equal("wss://api.hyperliquid.xyz/ws", HyperliquidEndpoint.Mainnet.WebSocketUri.ToString());
        Assert.Equal("https://api.hyperliquid-testnet.xyz/exchange", HyperliquidEndpoint.Testnet.ExchangeUri.ToString());
        Assert.True(HyperliquidEndpoint.Mainnet.IsMainnet);
        Assert.False(HyperliquidEndpoint.Testnet.IsMainnet);
        var local = HyperliquidEndpoint.Custom(new Uri("http://127.0.0.1:5081/"), isMainnet: false);
        Assert.Equal("http://127.0.0.1:5081/exchange", local.ExchangeUri.ToString());
        Assert.Equal("ws://127.0.0.1:5081/ws", local.WebSocketUri.ToString());
        Assert.Equal("http://localhost:9/api/info", HyperliquidEndpoint.Custom(new Uri("http://localhost:9/api"), true).InfoUri.ToString());
    }

    private sealed class SettableTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
