using HyperMM.Core.Market;
using HyperMM.Core.Primitives;
using HyperMM.Simulation.Calibration;
using HyperMM.Simulation.Market;

namespace HyperMM.Simulation.Tests.Calibration;

public sealed class TakerEventsTests
{
    private static readonly Coin Eth = new("ETH");

    private static MarketEvent Book(long t, decimal bid, decimal ask) =>
        MarketEvent.OfBook(new OrderBookSnapshot(Eth, t, [new BookLevel(bid, 1m, 1)], [new BookLevel(ask, 1m, 1)]));

    private static MarketEvent Print(long t, Side side, decimal price, decimal size) =>
        MarketEvent.OfTrade(new Trade(Eth, t, side, price, size, t));

    [Fact]
    public void Prints_of_one_millisecond_and_side_are_one_order_as_deep_as_its_furthest_print()
    {
        // mid 4000 (3999.9 / 4000.1). A buy sweeping 4000.1 then 4000.5: depths 0.25 and 1.25 bps
        // (0.1 / 4000 = 0.25 bps, 0.5 / 4000 = 1.25 bps) → one order, depth 1.25, size 0.3.
        // A sell at 3999.9 at the same ms is another order: depth 0.25 bps.
        var events = new List<MarketEvent>
        {
            Book(1000, 3999.9m, 4000.1m),
            Print(1005, Side.Buy, 4000.1m, 0.1m),
            Print(1005, Side.Buy, 4000.5m, 0.2m),
            Print(1005, Side.Sell, 3999.9m, 0.4m),
        };

        var takers = TakerEvents.From(events);

        Assert.Equal(2, takers.Count);
        Assert.Equal(Side.Buy, takers[0].AggressorSide);
        Assert.Equal(1.25, takers[0].DepthBps, 9);
        Assert.Equal(0.3m, takers[0].Size);
        Assert.Equal(2, takers[0].Prints);
        Assert.Equal(0.25, takers[1].DepthBps, 9);
    }

    [Fact]
    public void The_mid_before_a_trade_comes_from_a_book_strictly_earlier()
    {
        // The book at 2000 (mid 4001) has the trade's own millisecond: it may already show the trade, so the
        // trade at 2000 is measured from the book at 1000 (mid 4000): a buy at 4000.4 is 1 bps deep, not -1.5.
        // The next trade (2001) sees the 2000 book: a sell at 4000.6 is (4001 - 4000.6) / 4001 = 0.99975 bps.
        var events = new List<MarketEvent>
        {
            Print(500, Side.Buy, 4000m, 1m), // before any book: skipped
            Book(1000, 3999.9m, 4000.1m),
            Book(2000, 4000.9m, 4001.1m),
            Print(2000, Side.Buy, 4000.4m, 1m),
            Print(2001, Side.Sell, 4000.6m, 1m),
        };

        var takers = TakerEvents.From(events);

        Assert.Equal(2, takers.Count);
        Assert.Equal(1.0, takers[0].DepthBps, 9);
        Assert.Equal(0.4 / 4001 * 10_000, takers[1].DepthBps, 9);
    }

    [Fact]
    public void Realized_volatility_uses_one_second_slots_and_spreads_a_gap_over_its_intervals()
    {
        // Slot mids: t=0 s 4000, t=1 s 4000·e^(2 bps), t=4 s 4000·e^(2+3 bps) (slots 2 and 3 empty).
        // Σ r² = 2² + 3² = 13 bps² over 4 intervals → 3.25 bps²/s. The 0.5 s book is overwritten by the 0.9 s one
        // (a slot's value is its last mid).
        static decimal Mid(double bps) => decimal.Round((decimal)(4000 * Math.Exp(bps / 10_000)), 10);
        var events = new List<MarketEvent>
        {
            Book(0, 3999.9m, 4000.1m),
            Book(1500, Mid(2) - 0.1m, Mid(2) + 0.1m),
            Book(4200, Mid(7) - 0.1m, Mid(7) + 0.1m),
            Book(4900, Mid(5) - 0.1m, Mid(5) + 0.1m),
        };

        var (variance, intervals) = RealizedVolatility.Measure(events, 1.0);

        Assert.Equal(4, intervals);
        Assert.Equal(3.25, variance, 6);
    }
}
