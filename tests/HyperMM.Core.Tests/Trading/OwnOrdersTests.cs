using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace HyperMM.Core.Tests.Trading;

/// <summary>The one rule "this order is ours" (the strategy's cloid tag) and the one "cancel ours and confirm".</summary>
public sealed class OwnOrdersTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(1_757_015_207_737));
    private readonly OwnOrders _eth = new("mm_eth_perp");

    [Fact]
    public void Tag_IsFnv1aOfTheStrategyName()
    {
        // FNV-1a 32 over "mm_eth_perp" (offset basis 2166136261, prime 16777619), computed by hand in Python: 0x9bf727d9.
        Assert.Equal(0x9bf727d9u, _eth.Tag);
        Assert.True(_eth.IsOurs(Cloid.Parse("0x9bf727d9000000070000000000000001")));
    }

    [Fact]
    public void IsOurs_AnyRunOfTheStrategy_NeverAnotherStrategyOrAnOrderWithoutCloid()
    {
        Assert.True(_eth.IsOurs(new CloidFactory("mm_eth_perp", 1).Next()));
        Assert.True(_eth.IsOurs(new CloidFactory("mm_eth_perp", 99).Next()));
        Assert.False(_eth.IsOurs(new CloidFactory("mm_btc_perp", 1).Next()));
        Assert.False(_eth.IsOurs((Cloid?)null));
    }

    [Fact]
    public async Task CancelAndConfirm_CancelsOursFromEveryRun_LeavesOthersAlone()
    {
        var exchange = new FakeExchange(TestStrategies.EthSpec, _time);
        exchange.AddOpenOrder(Side.Buy, 4000m, 0.01m, new CloidFactory("mm_eth_perp", 1).Next());
        exchange.AddOpenOrder(Side.Sell, 4500m, 0.01m, new CloidFactory("mm_eth_perp", 2).Next());
        var foreign = exchange.AddOpenOrder(Side.Sell, 4600m, 0.01m, new CloidFactory("somebody", 1).Next());
        var manual = exchange.AddOpenOrder(Side.Sell, 4700m, 0.01m, null);

        var sweep = await _eth.CancelAndConfirmAsync(exchange, TestStrategies.EthSpec.Coin, CancellationToken.None);

        Assert.Equal((2, true, (string?)null), (sweep.Cancelled, sweep.Clean, sweep.Refusal));
        Assert.Equal([foreign.OrderId.Value, manual.OrderId.Value], exchange.OpenOrders.Select(o => o.OrderId.Value).Order());
    }

    [Fact]
    public async Task CancelAndConfirm_WhatTheVenueKeepsRefusing_IsLeftAfterThreeRounds_WithTheRefusal()
    {
        var exchange = new FakeExchange(TestStrategies.EthSpec, _time);
        var stuck = exchange.AddOpenOrder(Side.Buy, 4000m, 0.01m, new CloidFactory("mm_eth_perp", 1).Next());
        exchange.AddOpenOrder(Side.Sell, 4500m, 0.01m, new CloidFactory("mm_eth_perp", 1).Next());
        exchange.CancelScript = c => c.OrderId == stuck.OrderId ? CancelResult.Failed(RejectReason.AddressRateLimited, "too many requests") : null;

        var sweep = await _eth.CancelAndConfirmAsync(exchange, TestStrategies.EthSpec.Coin, CancellationToken.None);

        Assert.Equal(1, sweep.Cancelled);
        Assert.False(sweep.Clean);
        Assert.Equal(stuck.OrderId, Assert.Single(sweep.Left).OrderId);
        Assert.Equal("too many requests", sweep.Refusal);
        // round 1 cancels both, rounds 2 and 3 retry the stuck one: 2 + 1 + 1 cancels sent
        Assert.Equal(4, exchange.Cancelled.Count);
    }

    [Fact]
    public async Task CancelOnce_SendsNothingWhenNoneIsOurs()
    {
        var exchange = new FakeExchange(TestStrategies.EthSpec, _time);
        exchange.AddOpenOrder(Side.Sell, 4600m, 0.01m, new CloidFactory("somebody", 1).Next());

        var (sent, results) = await _eth.CancelOnceAsync(exchange, TestStrategies.EthSpec.Coin, CancellationToken.None);

        Assert.Empty(sent);
        Assert.Empty(results);
        Assert.Empty(exchange.Cancelled);
    }
}
