using HyperMM.Core.Instruments;
using HyperMM.Core.Market;
using HyperMM.Core.Primitives;
using HyperMM.Simulation.Market;
using HyperMM.TestSupport;

namespace HyperMM.Simulation.Tests.Market;

public sealed class MarketSourceTests
{
    private static readonly Coin Btc = new("BTC");
    private static readonly Coin Eth = new("ETH");
    private static string HlData => Path.Combine(SharedData.RootPath, "data/Avellaneda_Stoikov_Market_Making_parameter_calibration/HL_data");

    [Fact]
    public void Hl_csv_layout_gives_every_book_and_trade_in_time_order()
    {
        var eth = HlCsvReader.Read(HlData, Eth);
        var btc = MarketDataLoader.Load(HlData, Btc);

        // SOURCES.md §1: 3,785 book rows per coin; 6,884 ETH and 6,675 BTC trades
        Assert.Equal(3785, eth.Count(e => e.Kind == MarketEventKind.Book));
        Assert.Equal(6884, eth.Count(e => e.Kind == MarketEventKind.Trade));
        Assert.Equal(3785 + 6675, btc.Count);
        Assert.True(eth.Zip(eth.Skip(1)).All(p => p.First.TimeMs <= p.Second.TimeMs));
        Assert.Equal([Btc, Eth], MarketDataLoader.CoinsIn(HlData));

        // first ETH book row: 1757015216253, bid 4268.9 x 10.1152, ask 4269.0 x 820.6318 (SOURCES.md excerpt)
        var first = eth.First(e => e.Kind == MarketEventKind.Book).Book!;
        Assert.Equal(1757015216253, first.TimeMs);
        Assert.Equal(new BookLevel(4268.9m, 10.1152m, 1), first.Bids[0]);
        Assert.Equal(new BookLevel(4269.0m, 820.6318m, 1), first.Asks[0]);
        Assert.Equal(20, first.Bids.Count);
    }

    [Fact]
    public void Hftbacktest_hyperliquid_capture_is_read_from_gzip()
    {
        var path = SharedData.File("data/hftbacktest/examples/hyperliquid/btcusd_20250126.gz");
        var events = MarketDataLoader.Load(path, Btc);
        Assert.Null(MarketDataLoader.Open(path).ProxyNote); // Hyperliquid's own data: nothing to warn about

        // SOURCES.md §5: 46 l2Book pushes and 9 trades messages holding 64 trades
        Assert.Equal(46, events.Count(e => e.Kind == MarketEventKind.Book));
        Assert.Equal(64, events.Count(e => e.Kind == MarketEventKind.Trade));
        var book = events.First(e => e.Kind == MarketEventKind.Book);
        Assert.Equal(1737918843893, book.TimeMs); // receive time 1737918843893903000 ns
        Assert.Equal(new BookLevel(105055.0m, 3.03622m, 5), book.Book!.Bids[0]);
        Assert.Equal(new BookLevel(105056.0m, 6.34472m, 13), book.Book.Asks[0]);
    }

    [Fact]
    public void Recording_format_round_trips_books_and_trades()
    {
        var market = new SyntheticMarket([SyntheticCoinProfile.Eth], seed: 3, startMs: 1_000_000);
        var events = market.Step(TimeSpan.FromSeconds(5));
        var path = Path.Combine(Path.GetTempPath(), $"hypermm-rec-{Guid.NewGuid():N}.jsonl.gz");
        try
        {
            using (var writer = RecordingWriter.Create(path))
            {
                foreach (var e in events)
                {
                    if (e.Kind == MarketEventKind.Book)
                    {
                        writer.WriteBook(e.TimeMs + 7, e.Book!);
                    }
                    else
                    {
                        writer.WriteTrades(e.TimeMs + 7, [e.Trade]);
                    }
                }
            }

            var read = MarketDataLoader.Load(path, Eth);
            Assert.Equal(events.Count, read.Count);
            Assert.All(events.Zip(read), p =>
            {
                Assert.Equal(p.First.TimeMs + 7, p.Second.TimeMs); // stamped with the receive time
                if (p.First.Kind == MarketEventKind.Book)
                {
                    Assert.Equal(p.First.Book!.Bids, p.Second.Book!.Bids);
                    Assert.Equal(p.First.Book.Asks, p.Second.Book.Asks);
                }
                else
                {
                    Assert.Equal(p.First.Trade, p.Second.Trade);
                }
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Bad_files_give_one_line_errors_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hypermm-bad-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(path, "this is not a capture\n");
        try
        {
            var ex = Assert.Throws<MarketDataException>(() => MarketDataLoader.Load(path, Eth));
            Assert.StartsWith(path + ":1:", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', ex.Message);
            Assert.Throws<MarketDataException>(() => MarketDataLoader.Load(path + ".missing", Eth));
            Assert.Throws<MarketDataException>(() => MarketDataLoader.Load(HlData, new Coin("HYPE")));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Synthetic_market_is_reproducible_from_its_seed()
    {
        var a = new SyntheticMarket(SyntheticCoinProfile.Defaults, 42, 0).Step(TimeSpan.FromMinutes(1));
        var b = new SyntheticMarket(SyntheticCoinProfile.Defaults, 42, 0).Step(TimeSpan.FromMinutes(1));
        var c = new SyntheticMarket(SyntheticCoinProfile.Defaults, 43, 0).Step(TimeSpan.FromMinutes(1));

        Assert.Equal(a.Select(Describe), b.Select(Describe));
        Assert.NotEqual(a.Select(Describe), c.Select(Describe));
    }

    [Fact]
    public void Stepping_in_small_increments_gives_the_same_market_as_one_big_step()
    {
        var whole = new SyntheticMarket([SyntheticCoinProfile.Btc], 9, 0).Step(TimeSpan.FromSeconds(30));
        var stepped = new SyntheticMarket([SyntheticCoinProfile.Btc], 9, 0);
        var pieces = Enumerable.Range(0, 300).SelectMany(_ => stepped.Step(TimeSpan.FromMilliseconds(100))).ToList();

        Assert.Equal(whole.Select(Describe), pieces.Select(Describe));
    }

    [Theory]
    [InlineData("BTC")]
    [InlineData("ETH")]
    [InlineData("HYPE")]
    public void Synthetic_books_sit_on_the_tick_grid_and_statistics_match_the_profile(string coin)
    {
        var profile = SyntheticCoinProfile.Defaults.Single(p => p.Instrument.Coin.Name == coin);
        var spec = profile.Instrument;
        var events = new SyntheticMarket([profile], 7, 0).Step(TimeSpan.FromHours(2));

        var books = events.Where(e => e.Kind == MarketEventKind.Book).Select(e => e.Book!).ToList();
        Assert.All(books.Take(500), b =>
        {
            Assert.Equal(20, b.Bids.Count);
            Assert.Equal(20, b.Asks.Count);
            Assert.True(b.Bids[0].Price < b.Asks[0].Price);
            Assert.All(b.Bids.Concat(b.Asks), l => Assert.True(spec.IsValidPrice(l.Price) && spec.IsValidSize(l.Size)));
        });

        // 2 h: trades ~ Poisson(rate * 7200); relative sd 1/sqrt(rate*7200) ~ 0.7 %: allow 5 %
        var trades = events.Count(e => e.Kind == MarketEventKind.Trade);
        Assert.InRange(trades / 7200.0, profile.TradesPerSecond * 0.95, profile.TradesPerSecond * 1.05);

        // 1 s log returns of the mid sampled from the books (every 540 ms, so take every book's mid at whole seconds)
        var mids = new List<double>();
        var nextSecond = 0L;
        foreach (var b in books)
        {
            if (b.TimeMs >= nextSecond)
            {
                mids.Add((double)b.Top.Mid);
                nextSecond = b.TimeMs + 1000;
            }
        }

        var returns = mids.Zip(mids.Skip(1), (x, y) => Math.Log(y / x)).ToList();
        var mean = returns.Average();
        var stdBpsPerSqrtS = Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / returns.Count) * 10_000 / Math.Sqrt(1.08);
        // samples are 1.08 s apart (two 540 ms pushes); tick rounding of the mid adds noise, so allow 25 %
        Assert.InRange(stdBpsPerSqrtS, profile.VolBps1s * 0.75, profile.VolBps1s * 1.25);
    }

    private static string Describe(MarketEvent e) =>
        e.Kind == MarketEventKind.Book
            ? $"{e.TimeMs} B {e.Book!.Coin} {e.Book.Bids[0]} {e.Book.Asks[0]} {e.Book.Bids[19]}"
            : $"{e.TimeMs} T {e.Trade}";
}
