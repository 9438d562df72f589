using HyperMM.Core.Market;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.Simulation.Backtest;
using HyperMM.Simulation.Market;
using HyperMM.Simulation.Matching;
using HyperMM.Simulation.Tests.Matching;
using static HyperMM.Simulation.Tests.Matching.EngineHarness;

namespace HyperMM.Simulation.Tests.Backtest;

public sealed class LatencyTests
{
    private const long T0 = 1_757_000_000_000;

    private static (SimulatedExchange Exchange, MatchingEngine Engine) Build(LatencyOptions latency, bool batchMarketEvents = false)
    {
        var time = new SimulationTimeProvider(T0);
        SimulatedExchange? exchange = null;
        var engine = new MatchingEngine([EthSpec], new MatchingEngineOptions { PublishBooks = false }, new ForwardingSink(() => exchange!.Sink), time);
        exchange = new SimulatedExchange(engine, time, Account(1), latency, batchMarketEvents);
        engine.Deposit(Account(1), 100_000m);
        exchange.OnMarketEvent(MarketEvent.OfBook(Book(T0, [(2000m, 5m)], [(2000.1m, 4m)])));
        return (exchange, engine);
    }

    private static MarketEvent SellThrough(long at) => MarketEvent.OfTrade(new Trade(Eth, at, Side.Sell, 1999.9m, 0.01m, at));

    [Fact]
    public async Task Entry_latency_delays_placement_and_ack_latency_delays_the_answer()
    {
        var latency = new LatencyOptions(TimeSpan.Zero, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(30));
        var (exchange, engine) = Build(latency);

        var pending = exchange.PlaceOrdersAsync([new OrderRequest(Eth, Side.Buy, 2000m, 1m, TimeInForce.Alo, false, null)], CancellationToken.None).AsTask();
        exchange.OnMarketEvent(SellThrough(T0 + 20)); // our order is still on its way: a trade through 2000 cannot fill it
        Assert.Empty(engine.GetOpenOrders(Account(1)));
        Assert.Empty(engine.GetFills(Account(1)));

        exchange.RunUntil(T0 + 50); // arrives at T0 + 50
        var open = Assert.Single(engine.GetOpenOrders(Account(1)));
        Assert.Equal(T0 + 50, open.TimestampMs);
        Assert.False(pending.IsCompleted); // the answer is back only at 50 + 30

        exchange.OnMarketEvent(SellThrough(T0 + 60));
        Assert.Single(engine.GetFills(Account(1)));
        exchange.RunUntil(T0 + 79);
        Assert.False(pending.IsCompleted);
        exchange.RunUntil(T0 + 80);
        Assert.True(pending.IsCompleted);
        Assert.Equal(OrderResultKind.Resting, (await pending)[0].Kind);
    }

    [Fact]
    public void Feed_latency_delays_our_fill_reaching_the_strategy()
    {
        var latency = new LatencyOptions(TimeSpan.FromMilliseconds(25), TimeSpan.Zero, TimeSpan.Zero);
        var (exchange, _) = Build(latency);
        var placed = exchange.PlaceOrdersAsync([new OrderRequest(Eth, Side.Buy, 2000m, 1m, TimeInForce.Alo, false, null)], CancellationToken.None);
        Assert.True(placed.IsCompleted); // no entry/ack latency: answered at once

        exchange.OnMarketEvent(SellThrough(T0 + 100));
        exchange.RunUntil(T0 + 124);
        var early = Drain(exchange);
        exchange.RunUntil(T0 + 125);
        var late = Drain(exchange);

        Assert.DoesNotContain(early, e => e is FillsEvent);
        var fills = Assert.Single(late.OfType<FillsEvent>());
        Assert.Equal(T0 + 100, fills.Fills[0].TimeMs);
        Assert.Equal(T0 + 125, fills.ReceivedMs);
    }

    [Fact]
    public async Task Batched_PrintThroughOurBid_ReachesTheStrategyTogetherWithTheFillItCaused()
    {
        // A sell print at 1999.5 goes through our bid at 2000: the engine fills us (our fill is queued first), then
        // the print is queued. Handing over the fill alone would let the strategy requote on a market it has not
        // seen yet. A book moving through our bid without a print fills nothing (docs/SIMULATION.md §2).
        var latency = new LatencyOptions(TimeSpan.FromMilliseconds(25), TimeSpan.Zero, TimeSpan.Zero);
        var (exchange, _) = Build(latency, batchMarketEvents: true);
        await exchange.SubscribeAsync(Eth, CancellationToken.None);
        var placed = await exchange.PlaceOrdersAsync([new OrderRequest(Eth, Side.Buy, 2000m, 1m, TimeInForce.Alo, false, null)], CancellationToken.None);
        Assert.Equal(OrderResultKind.Resting, placed[0].Kind);
        Drain(exchange);

        exchange.OnMarketEvent(MarketEvent.OfBook(Book(T0 + 100, [(1999.5m, 5m)], [(1999.6m, 4m)])));
        exchange.OnMarketEvent(MarketEvent.OfTrade(new Trade(Eth, T0 + 100, Side.Sell, 1999.5m, 0.5m, 7)));
        exchange.RunUntil(T0 + 125);
        var handed = Drain(exchange);

        var fill = Assert.Single(handed.OfType<FillsEvent>());
        Assert.Equal((2000m, 0.5m), (fill.Fills[0].Price, fill.Fills[0].Size)); // at most the print
        Assert.Contains(handed, e => e is BookEvent b && b.Book.TimeMs == T0 + 100);
        Assert.Contains(handed, e => e is TradesEvent t && t.Trades[0].TradeId == 7);
    }

    [Fact]
    public async Task With_a_random_feed_delay_our_fill_arrives_together_with_the_print_that_caused_it()
    {
        var latency = new LatencyOptions(LatencyDistribution.Uniform(10, 90), LatencyDistribution.Zero, LatencyDistribution.Zero, Seed: 5);
        var (exchange, _) = Build(latency);
        await exchange.SubscribeAsync(Eth, CancellationToken.None);
        var placed = await exchange.PlaceOrdersAsync([new OrderRequest(Eth, Side.Buy, 2000m, 1m, TimeInForce.Alo, false, null)], CancellationToken.None);
        Assert.Equal(OrderResultKind.Resting, placed[0].Kind); // no entry/ack latency: answered at once

        exchange.OnMarketEvent(SellThrough(T0 + 100)); // a print through our bid: 0.01 fills us
        exchange.RunUntil(T0 + 100 + 90);

        var events = Drain(exchange);
        var trade = Assert.Single(events.OfType<TradesEvent>());
        var fill = Assert.Single(events.OfType<FillsEvent>());
        Assert.Equal(trade.ReceivedMs, fill.ReceivedMs);
        Assert.InRange(fill.ReceivedMs - (T0 + 100), 10, 90);
    }

    private static List<ExchangeEvent> Drain(SimulatedExchange exchange)
    {
        var list = new List<ExchangeEvent>();
        while (exchange.Events.TryRead(out var ev))
        {
            list.Add(ev);
        }

        return list;
    }
}
