using HyperMM.Core.Market;
using HyperMM.Core.Primitives;
using HyperMM.Simulation.Market;
using HyperMM.TestSupport;

namespace HyperMM.Simulation.Tests.Market;

/// <summary>
/// The Binance USDⓈ-M futures captures (SOURCES.md §6) read as a proxy market: the book rebuilt from the REST
/// snapshot and the depth diffs by Binance's sequence rules and put on Hyperliquid's price grid, market trades with
/// the taker's side, everything on the receive clock.
/// </summary>
public sealed class BinanceFuturesCaptureTests : IDisposable
{
    private static readonly Coin Eth = new("ETH");
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"hypermm-binance-{Guid.NewGuid():N}.txt");

    public void Dispose() => File.Delete(_path);

    private static string Diff(long ms, long first, long last, long previous, string bids, string asks) =>
        $$$"""{{{ms * 1_000_000}}} {"stream":"ethusdt@depth@0ms","data":{"e":"depthUpdate","s":"ETHUSDT","U":{{{first}}},"u":{{{last}}},"pu":{{{previous}}},"b":[{{{bids}}}],"a":[{{{asks}}}]}}""";

    private static string Snapshot(long ms, long lastUpdateId, string bids, string asks) =>
        $$$"""{{{ms * 1_000_000}}} {"lastUpdateId":{{{lastUpdateId}}},"bids":[{{{bids}}}],"asks":[{{{asks}}}]}""";

    private static string TradeLine(long ms, string price, string size, bool buyerIsMaker, string type = "MARKET") =>
        $$$"""{{{ms * 1_000_000}}} {"stream":"ethusdt@trade","data":{"e":"trade","s":"ETHUSDT","t":7,"p":"{{{price}}}","q":"{{{size}}}","X":"{{{type}}}","m":{{{(buyerIsMaker ? "true" : "false")}}}}}""";

    private static decimal Dec(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private List<MarketEvent> Read(params string[] lines)
    {
        File.WriteAllLines(_path, lines);
        return WsCaptureReader.Read(_path);
    }

    [Fact]
    public void Books_FollowTheSnapshotAndDiffs_OnHyperliquidsGrid()
    {
        var events = Read(
            Diff(1_000, 90, 95, 80, """["2681.50","1.0"]""", ""),                      // ends before the snapshot: dropped
            Diff(1_001, 96, 105, 95, """["2681.62","2.0"]""", """["2681.71","0.5"]"""), // spans it (96 <= 100 <= 105)
            """1002000000 {"stream":"ethusdt@bookTicker","data":{"e":"bookTicker","s":"ETHUSDT","b":"1.0","B":"1","a":"2.0","A":"1"}}""",
            Snapshot(1_003, 100, """["2681.62","1.0"],["2681.55","3.0"],["2681.49","4.0"]""", """["2681.63","5.0"],["2681.70","6.0"]"""),
            Diff(1_010, 106, 110, 105, """["2681.55","0"]""", """["2681.63","0.000"],["2681.80","1.5"]"""),
            TradeLine(1_011, "2681.62", "0.25", buyerIsMaker: true),
            TradeLine(1_012, "2681.70", "0.5", buyerIsMaker: false),
            TradeLine(1_013, "2681.70", "9", buyerIsMaker: false, type: "INSURANCE_FUND"));

        var books = events.Where(e => e.Kind == MarketEventKind.Book).Select(e => e.Book!).ToList();
        Assert.Equal(2, books.Count); // one at the snapshot (its waiting diff applied), one per later diff; bookTicker ignored
        Assert.All(books, b => Assert.Equal(Eth, b.Coin));

        // At the snapshot, after the spanning diff: bids 2681.62 x 2 (diff), 2681.55 x 3, 2681.49 x 4; asks 2681.63 x 5,
        // 2681.70 x 6, 2681.71 x 0.5. Hyperliquid's ETH grid near 2,681 is 0.1 (five significant figures): bids go
        // down (2681.62, 2681.55 -> 2681.5 and 2681.49 -> 2681.4), asks up (2681.63, 2681.70 -> 2681.7; 2681.71 -> 2681.8).
        var first = books[0];
        Assert.Equal(1_003, first.TimeMs);
        Assert.Equal([new BookLevel(2681.6m, 2.0m, 1), new BookLevel(2681.5m, 3.0m, 1), new BookLevel(2681.4m, 4.0m, 1)], first.Bids);
        Assert.Equal([new BookLevel(2681.7m, 11.0m, 2), new BookLevel(2681.8m, 0.5m, 1)], first.Asks);

        // Next diff removes 2681.55 and 2681.63 and adds 2681.80 x 1.5: asks 2681.70 x 6 -> 2681.7; 2681.71 x 0.5 and 2681.80 x 1.5 -> 2681.8 x 2.
        var second = books[1];
        Assert.Equal(1_010, second.TimeMs);
        Assert.Equal([new BookLevel(2681.6m, 2.0m, 1), new BookLevel(2681.4m, 4.0m, 1)], second.Bids);
        Assert.Equal([new BookLevel(2681.7m, 6.0m, 1), new BookLevel(2681.8m, 2.0m, 2)], second.Asks);

        var trades = events.Where(e => e.Kind == MarketEventKind.Trade).Select(e => e.Trade).ToList();
        Assert.Equal(2, trades.Count); // the insurance-fund print is not the market's flow
        Assert.Equal(new Trade(Eth, 1_011, Side.Sell, 2681.62m, 0.25m, 7), trades[0]); // buyer is maker: a seller took
        Assert.Equal(new Trade(Eth, 1_012, Side.Buy, 2681.70m, 0.5m, 7), trades[1]);
    }

    public static TheoryData<string[], int, string> BadCaptures => new()
    {
        {
            // a gap: the fourth line's pu is not the previous update's u
            [Diff(1_000, 96, 105, 95, """["2681.62","2.0"]""", ""), Snapshot(1_001, 100, """["2681.62","1.0"]""", """["2681.63","5.0"]"""),
             Diff(1_010, 106, 110, 105, "", ""), Diff(1_020, 115, 120, 112, "", "")],
            4, "pu=112 does not follow the previous update's u=110"
        },
        {
            // the updates between the snapshot and the first diff are missing
            [Snapshot(1_000, 100, """["2681.62","1.0"]""", """["2681.63","5.0"]"""), Diff(1_001, 120, 130, 119, "", "")],
            2, "U=120 starts after the snapshot's lastUpdateId=100"
        },
        { [Diff(1_000, 96, 105, 95, """["2681.62"]""", "")], 1, "b[0] is not a [price, size] pair" },
        { [Diff(1_000, 96, 105, 95, "", "").Replace("@depth@0ms", "@depth20@100ms", StringComparison.Ordinal)], 1, "is a partial book (top levels only)" },
    };

    [Theory]
    [MemberData(nameof(BadCaptures))]
    public void ABadCapture_IsOneErrorNamingTheLineAndTheReason(string[] lines, int line, string reason)
    {
        var error = Assert.Throws<MarketDataException>(() => Read(lines));

        Assert.Contains($":{line}:", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACaptureOfOnlyBookTickers_HasNoCoinAndSaysWhatIsRead()
    {
        File.WriteAllLines(_path, ["""1002000000 {"stream":"ethusdt@bookTicker","data":{"e":"bookTicker","s":"ETHUSDT","b":"1.0","B":"1","a":"2.0","A":"1"}}"""]);

        var error = Assert.Throws<MarketDataException>(() => MarketDataLoader.CoinsIn(_path));

        Assert.Contains("no book or trade in it", error.Message, StringComparison.Ordinal);
        Assert.Contains("Binance futures depth and trade streams", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The shared captures. Expected values from an independent Python reading of the files (json + decimal, the same
    /// Binance rules, bids floored and asks ceiled to 0.1 for ETH and 1 for BTC): ETH 6,580 books (6,581 diffs
    /// applied, the two waiting at the snapshot giving one book) and 14,076 market trades; BTC 6,546 books and 21,313
    /// trades; no break in either depth sequence.
    /// </summary>
    [Theory]
    [InlineData("ETH", 6580, 14076, 1723161255378, "2681.6", "16.984", "2681.7", "43.876")]
    [InlineData("BTC", 6546, 21313, 1723161255319, "61800", "23.590", "61801", "1.093")]
    public void SharedCaptures_GiveEveryBookAndTrade(string coin, int books, int trades, long firstBookMs, string bid, string bidSize, string ask, string askSize)
    {
        var path = SharedData.File($"data/hftbacktest/examples/usdm/{coin.ToLowerInvariant()}usdt_20240808.gz");

        var data = MarketDataLoader.Open(path);
        var events = data.Events(new Coin(coin));

        Assert.Equal([new Coin(coin)], data.Coins);
        Assert.StartsWith($"{coin}USDT (Binance USDⓈ-M futures) is read as {coin}: a proxy market", data.ProxyNote, StringComparison.Ordinal);
        Assert.Equal(books, events.Count(e => e.Kind == MarketEventKind.Book));
        Assert.Equal(trades, events.Count(e => e.Kind == MarketEventKind.Trade));
        Assert.True(events.Zip(events.Skip(1)).All(p => p.First.TimeMs <= p.Second.TimeMs));
        var first = events.First(e => e.Kind == MarketEventKind.Book).Book!;
        Assert.Equal(firstBookMs, first.TimeMs);
        Assert.Equal((Dec(bid), Dec(bidSize)), (first.Bids[0].Price, first.Bids[0].Size));
        Assert.Equal((Dec(ask), Dec(askSize)), (first.Asks[0].Price, first.Asks[0].Size));
        var spec = TestStrategies.SpecFor(TestStrategies.All.Single(s => s.Coin.Name == coin));
        Assert.All(events.Where(e => e.Kind == MarketEventKind.Book), e =>
        {
            Assert.Equal(BinanceFuturesCapture.Depth, e.Book!.Bids.Count);
            Assert.Equal(BinanceFuturesCapture.Depth, e.Book.Asks.Count);
            Assert.True(e.Book.Bids.Concat(e.Book.Asks).All(l => spec.IsValidPrice(l.Price)), "every level on Hyperliquid's grid");
        });
    }
}
