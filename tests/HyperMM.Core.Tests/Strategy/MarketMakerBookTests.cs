using HyperMM.Core.Market;
using HyperMM.Core.Primitives;
using HyperMM.Core.Strategy;
using HyperMM.Core.Trading;
using HyperMM.TestSupport;

namespace HyperMM.Core.Tests.Strategy;

/// <summary>
/// Issue 11 item 4, the strategy's side: a locked, crossed or one-sided book is counted and ignored (the last valid
/// top and mid stay, the mode does not fall back to Starting), and a fill is never booked at mid 0.
/// </summary>
public class MarketMakerBookTests
{
    private const long Start = 1_757_015_216_000;
    private static readonly Coin Eth = new("ETH");

    private static MarketMaker Maker() => new(TestStrategies.Eth, TestStrategies.EthSpec, new CloidFactory("mm_eth_perp", 1), Start);

    private static OrderBookSnapshot Book(long t, decimal bid, decimal ask) =>
        new(Eth, t, bid > 0m ? [new BookLevel(bid, 3m, 1)] : [], ask > 0m ? [new BookLevel(ask, 3m, 1)] : []);

    private static Fill Fill(long tid, long t, decimal price) => new(Eth, tid, new OrderId(1), null, Side.Buy, price, 0.01m, 0.001m, t, false, 0m, 0m, null);

    [Theory]
    [InlineData(4297.5, 4297.5)] // locked
    [InlineData(4297.6, 4297.5)] // crossed
    [InlineData(4297.5, 0)]      // one-sided
    public void InvalidBook_KeepsTheLastValidMid_DoesNotFallBackToStarting_AndIsCounted(double bid, double ask)
    {
        var maker = Maker();
        var mark = maker.OnBook(Book(Start + 1_000, 4297.4m, 4297.6m), Start + 1_000);
        Assert.Equal(4297.5m, mark!.Mid);
        Assert.Equal(StrategyMode.Quoting, maker.Mode(Start + 1_000));

        Assert.Null(maker.OnBook(Book(Start + 2_000, (decimal)bid, (decimal)ask), Start + 2_000));

        Assert.Equal(4297.5m, maker.Mid);
        Assert.Equal((4297.4m, 4297.6m), (maker.Top.BidPrice, maker.Top.AskPrice));
        Assert.Equal(StrategyMode.Quoting, maker.Mode(Start + 2_000));
        Assert.Equal(1, maker.Stats.InvalidBooks);
        Assert.Equal(1, maker.Figures(Start + 2_000).Counters.InvalidBooks);

        // A fill while the book is invalid is booked at the last valid mid, flagged stale.
        maker.OnFill(Fill(1, Start + 2_100, 4297.4m), Start + 2_100, out var booking);
        Assert.Equal((4297.5m, true), (booking!.Mid, booking.MidStale));
        Assert.Equal(1, maker.Ledger.StaleMidFills);
    }

    [Fact]
    public void NoValidBookForStaleBookSeconds_PullsQuotesAsStaleData_AndFillsThenAreStale()
    {
        var maker = Maker();
        maker.OnBook(Book(Start, 100m, 100.2m), Start);
        var staleMs = (long)(TestStrategies.Eth.StaleBookSeconds * 1000) + 1;
        maker.OnBook(Book(Start + staleMs, 100.1m, 100.1m), Start + staleMs); // locked all along since the first
        Assert.Equal(StrategyMode.StaleData, maker.Mode(Start + staleMs));

        maker.OnFill(Fill(1, Start + staleMs, 100m), Start + staleMs, out var booking);
        Assert.Equal((100.1m, true), (booking!.Mid, booking.MidStale));

        maker.OnBook(Book(Start + staleMs + 1, 100m, 100.2m), Start + staleMs + 1);
        Assert.Equal(StrategyMode.Quoting, maker.Mode(Start + staleMs + 1));
        maker.OnFill(Fill(2, Start + staleMs + 2, 100m), Start + staleMs + 2, out var fresh);
        Assert.Equal((100.1m, false), (fresh!.Mid, fresh.MidStale));
    }

    [Fact]
    public void FillBeforeAnyValidBook_IsBookedAtItsPrice_FlaggedStale_NeverAtZero()
    {
        var maker = Maker();
        maker.OnBook(Book(Start, 4000m, 4000m), Start); // locked from the start: still Starting
        Assert.Equal(StrategyMode.Starting, maker.Mode(Start));

        maker.OnFill(Fill(1, Start + 10, 3999.9m), Start + 10, out var booking);

        Assert.Equal((3999.9m, true), (booking!.Mid, booking.MidStale));
        Assert.Equal(0m, maker.Ledger.SpreadCapture);
    }

    [Fact]
    public void FillPressureClock_StartsAtTheFirstValidBook_NotWhileConnecting()
    {
        var maker = Maker();
        var target = (long)(TestStrategies.Eth.As().TargetFillSeconds * 1000);
        maker.OnBook(Book(Start + 5_000, 100m, 100m), Start + 5_000);  // locked: cannot quote yet
        maker.OnBook(Book(Start + 8_000, 100m, 100.2m), Start + 8_000); // first valid book: the clock starts here

        Assert.Equal(0, maker.PressureStage(Start + 8_000 + target - 1));
        Assert.Equal(1, maker.PressureStage(Start + 8_000 + target));
    }

    [Fact]
    public void Trades_FeedTheTradeArrivalStatistics_FromTheLastValidMid_OwnCoinOnly()
    {
        var maker = Maker();
        maker.OnTrades([new Trade(Eth, Start, Side.Buy, 4297.6m, 1m, 1)]); // before any book: no mid to measure from
        Assert.Equal(0, maker.TradeArrival.Count);

        maker.OnBook(Book(Start + 1_000, 4297.4m, 4297.6m), Start + 1_000);
        maker.OnTrades(
        [
            new Trade(Eth, Start + 1_100, Side.Buy, 4297.6m, 1m, 2),
            new Trade(new Coin("BTC"), Start + 1_200, Side.Sell, 110_000m, 0.001m, 3),
            new Trade(Eth, Start + 1_300, Side.Sell, 4297.3m, 1m, 4),
        ]);
        Assert.Equal(2, maker.TradeArrival.Count);
    }
}
