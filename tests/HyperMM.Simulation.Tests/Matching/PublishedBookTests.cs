using HyperMM.Core.Instruments;
using HyperMM.Core.Market;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.Simulation.Market;
using HyperMM.Simulation.Matching;
using static HyperMM.Simulation.Tests.Matching.EngineHarness;

namespace HyperMM.Simulation.Tests.Matching;

/// <summary>
/// Issue 11 item 4: the book the local exchange publishes (outside market merged with account orders) is never locked
/// or crossed. The cause was an outside snapshot whose best opposite price landed exactly on a resting account order
/// ("ETH 4297.5 @ 4297.5" went out). Outside orders at or through a resting account order are withheld until the next
/// snapshot; only prints fill (docs/SIMULATION.md §2).
/// </summary>
public sealed class PublishedBookTests
{
    [Fact]
    public void OutsideAskLandingOnOurBid_MovesJustAboveItWithoutAFill_AndTheBookStaysTwoSided()
    {
        var h = new EngineHarness();
        var a = h.Funded(1);
        h.Engine.ApplyOutsideBook(Book(0, [(1999.9m, 5m)], [(2000.1m, 4m)]));
        h.Place(a, Side.Buy, 2000m, 1m, TimeInForce.Alo);

        // The outside market moves down: 0.4 offered at exactly our bid. A post-only seller there would have been
        // refused by the venue (it would cross our bid) and would offer one tick higher; only a print is evidence of
        // a seller that traded with us.
        h.Engine.ApplyOutsideBook(Book(1, [(1999.9m, 5m)], [(2000m, 0.4m), (2000.1m, 4m)]));

        Assert.Empty(h.Engine.GetFills(a));
        var top = h.Sink.Books[^1].Top;
        Assert.Equal((2000m, 1m, 2000.1m, 4.4m), (top.BidPrice, top.BidSize, top.AskPrice, top.AskSize)); // 0.4 joined 2000.1

        // a seller that does trade there leaves a print at our price: 0.4 of it is ours (nothing was ahead of us)
        h.Engine.ApplyOutsideTrade(new Trade(Eth, 2, Side.Sell, 2000m, 0.4m, 2));
        var fill = Assert.Single(h.Engine.GetFills(a));
        Assert.Equal((2000m, 0.4m, false), (fill.Price, fill.Size, fill.Crossed));
    }

    [Fact]
    public void OutsideBidsAtAndThroughOurAsk_MoveJustBelowIt()
    {
        var h = new EngineHarness();
        var a = h.Funded(1);
        var b = h.Funded(2);
        h.Engine.ApplyOutsideBook(Book(0, [(1999.9m, 5m)], [(2000.1m, 4m)]));
        h.Place(a, Side.Sell, 2000m, 0.3m, TimeInForce.Alo);

        h.Engine.ApplyOutsideBook(Book(1, [(2000.1m, 1m), (2000m, 2m), (1999.9m, 5m)], [(2000.2m, 4m)]));

        // 1 at 2000.1 and 2 at 2000 are at or through our 2000 ask: they join the 5 at 1999.9, one tick below it
        Assert.Empty(h.Engine.GetFills(a));
        var top = h.Sink.Books[^1].Top;
        Assert.Equal((1999.9m, 8m, 2000m, 0.3m), (top.BidPrice, top.BidSize, top.AskPrice, top.AskSize));
        // another account selling into the book meets them there
        var sold = h.Place(b, Side.Sell, 1999.9m, 6m, TimeInForce.Ioc);
        Assert.Equal((6m, 1999.9m), (sold.FilledSize, sold.AveragePrice));
    }

    [Fact]
    public void Moved_volume_goes_to_the_first_valid_price_across_a_tick_boundary()
    {
        // ETH (szDecimals 4): 10000 has five integer digits, so its tick is 1; just below, 9999.9 is valid (tick 0.1).
        var h = new EngineHarness();
        var a = h.Funded(1);
        h.Engine.ApplyOutsideBook(Book(0, [(9999.8m, 5m)], [(10001m, 4m)]));
        h.Place(a, Side.Sell, 10000m, 0.3m, TimeInForce.Alo);

        h.Engine.ApplyOutsideBook(Book(1, [(10000m, 2m), (9999.8m, 5m)], [(10001m, 4m)]));

        var top = h.Sink.Books[^1].Top;
        Assert.Equal((9999.9m, 2m, 10000m), (top.BidPrice, top.BidSize, top.AskPrice));
    }

    /// <summary>
    /// Many steps of the synthetic ETH market with an account that keeps joining the best bid and ask (post-only, as the
    /// strategies do) and now and then rests a GTC order inside the spread: every book published is two-sided, not locked.
    /// </summary>
    [Fact]
    public void SyntheticMarket_WithOrdersAtTheTouch_NeverPublishesALockedOrCrossedBook()
    {
        var h = new EngineHarness();
        var a = h.Funded(1, 100_000_000m);
        var market = new SyntheticMarket([SyntheticCoinProfile.Eth with { Instrument = EthSpec, VolBps1s = 3.0 }], seed: 5, startMs: h.Time.GetUtcNow().ToUnixTimeMilliseconds());
        var random = new Random(9);
        var checkedBooks = 0;
        for (var step = 0; step < 3_000; step++)
        {
            foreach (var e in market.Step(TimeSpan.FromMilliseconds(200)))
            {
                if (e.Kind == MarketEventKind.Book)
                {
                    h.Engine.ApplyOutsideBook(e.Book!);
                }
                else
                {
                    h.Engine.ApplyOutsideTrade(e.Trade);
                }
            }

            foreach (var book in h.Sink.Books.Skip(checkedBooks))
            {
                var top = book.Top;
                Assert.True(top.BidPrice > 0m && top.AskPrice > 0m && top.BidPrice < top.AskPrice,
                    $"step {step}: published book {top.BidPrice} @ {top.AskPrice}");
            }

            checkedBooks = h.Sink.Books.Count;
            if (h.Sink.Books.Count == 0)
            {
                continue;
            }

            var current = h.Sink.Books[^1].Top;
            foreach (var order in h.Engine.GetOpenOrders(a))
            {
                h.Engine.Cancel(a, Eth, order.OrderId);
            }

            var size = 0.01m * (1 + random.Next(5));
            h.Place(a, Side.Buy, current.BidPrice, size, TimeInForce.Alo);
            h.Place(a, Side.Sell, current.AskPrice, size, TimeInForce.Alo);
            if (random.Next(4) == 0 && current.AskPrice - current.BidPrice > EthSpec.TickAt(current.BidPrice))
            {
                h.Place(a, Side.Buy, current.BidPrice + EthSpec.TickAt(current.BidPrice), size, TimeInForce.Gtc);
            }
        }

        Assert.True(checkedBooks > 5_000, $"only {checkedBooks} books published");
        Assert.NotEmpty(h.Engine.GetFills(a)); // the account did trade against the moving market
    }
}
