using System.IO.Compression;
using System.Text;
using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Streaming;
using HyperMM.TestSupport;

namespace HyperMM.Hyperliquid.Tests.Streaming;

/// <summary>Recorded mainnet WebSocket frames (hftbacktest BTC capture, nautilus samples) parse into the typed messages.</summary>
public class RecordedWsMessageTests
{
    [Fact]
    public void HftbacktestCapture_EveryFrameParses()
    {
        // SOURCES.md: 55 lines, 46 l2Book and 9 trades frames carrying 64 trades.
        var path = SharedData.File("data/hftbacktest/examples/hyperliquid/btcusd_20250126.gz");
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gz, Encoding.UTF8);
        var books = new List<WsL2Book>();
        var trades = new List<WsTrades>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var json = line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..];
            switch (WsMessages.Parse(Encoding.UTF8.GetBytes(json)))
            {
                case WsL2Book b:
                    books.Add(b);
                    break;
                case WsTrades t:
                    trades.Add(t);
                    break;
                default:
                    Assert.Fail("unexpected frame: " + json[..60]);
                    break;
            }
        }

        Assert.Equal(46, books.Count);
        Assert.Equal(9, trades.Count);
        Assert.Equal(64, trades.Sum(t => t.Trades.Count));
        var first = books[0].Book;
        Assert.Equal(new Coin("BTC"), first.Coin);
        Assert.Equal(new Core.Market.BookLevel(105055.0m, 3.03622m, 5), first.Bids[0]);
        Assert.Equal(new Core.Market.BookLevel(105056.0m, 6.34472m, 13), first.Asks[0]);
        Assert.Equal(20, first.Bids.Count);
        var trade = trades[0].Trades[0];
        Assert.Equal(new Core.Market.Trade(new Coin("BTC"), 1737918794873, Side.Buy, 105056.0m, 0.00219m, 121451470284048), trade.Trade);
        Assert.Equal(2, trade.Users.Count);

        // Written back by the server-side writer, a frame parses to the same book.
        var again = (WsL2Book)WsMessages.Parse(WsMessages.WriteL2Book(first))!;
        Assert.Equal(first.Bids, again.Book.Bids);
        var tradesAgain = (WsTrades)WsMessages.Parse(WsMessages.WriteTrades(trades[0].Trades))!;
        Assert.Equal(trades[0].Trades.Select(t => t.Trade), tradesAgain.Trades.Select(t => t.Trade));
    }

    [Fact]
    public void NautilusUserEventFill_WithLiquidation_Parses()
    {
        var path = SharedData.File("data/nautilus_trader/crates/adapters/hyperliquid/test_data/ws_user_fill_liquidation.json");
        var message = Assert.IsType<WsUserEvents>(WsMessages.Parse(File.ReadAllBytes(path)));
        Assert.Equal("fills", message.Kind);
        var fill = Assert.Single(message.Fills);
        Assert.Equal(745210434703679, fill.Tid);
        Assert.Equal(Cloid.Parse("0xe8d5fd7ebbb4c3cff4d1803472a11463"), fill.Cloid);
        Assert.Equal(Side.Sell, fill.Side);
        Assert.Equal(0.009997m, fill.Fee);
    }

    [Fact]
    public void UnmodelledChannel_IsNull_NotAnError()
    {
        var path = SharedData.File("data/nautilus_trader/crates/adapters/hyperliquid/test_data/ws_all_dexs_asset_ctxs.json");
        Assert.Null(WsMessages.Parse(File.ReadAllBytes(path)));
    }

    [Fact]
    public void DocumentedShapes_Parse()
    {
        var bbo = Assert.IsType<WsBbo>(WsMessages.Parse("""{"channel":"bbo","data":{"coin":"ETH","time":5,"bbo":[{"px":"2000.1","sz":"1.5","n":2},null]}}"""u8));
        Assert.Equal(2000.1m, bbo.Bid!.Value.Price);
        Assert.Null(bbo.Ask);
        Assert.Equal(bbo, WsMessages.Parse(WsMessages.WriteBbo(bbo)));

        var updates = Assert.IsType<WsOrderUpdates>(WsMessages.Parse("""
            {"channel":"orderUpdates","data":[{"order":{"coin":"ETH","side":"B","limitPx":"1999.5","sz":"0.0","oid":77,"timestamp":1,"origSz":"0.05","cloid":"0x0000000000000000000000000000000a"},"status":"filled","statusTimestamp":2}]}
            """u8));
        var update = Assert.Single(updates.Updates);
        Assert.Equal(Core.Trading.OrderState.Filled, update.State);
        Assert.Equal(0.05m, update.Order.OriginalSize);
        Assert.Equal(updates.Updates, ((WsOrderUpdates)WsMessages.Parse(WsMessages.WriteOrderUpdates(updates.Updates))!).Updates);

        var cancels = Assert.IsType<WsUserEvents>(WsMessages.Parse("""{"channel":"user","data":{"nonUserCancel":[{"coin":"ETH","oid":9}]}}"""u8));
        Assert.Equal((new Coin("ETH"), new OrderId(9)), Assert.Single(cancels.NonUserCancels));
        var funding = Assert.IsType<WsUserEvents>(WsMessages.Parse("""{"channel":"user","data":{"funding":{"time":1,"coin":"ETH","usdc":"-0.1","szi":"1","fundingRate":"0.0001","nSamples":1}}}"""u8));
        Assert.Equal("funding", funding.Kind);

        var mids = Assert.IsType<WsAllMids>(WsMessages.Parse("""{"channel":"allMids","data":{"mids":{"BTC":"65000.5"}}}"""u8));
        Assert.Equal(65000.5m, mids.Mids.Mids["BTC"]);
        Assert.IsType<WsPong>(WsMessages.Parse("""{"channel":"pong"}"""u8));
        Assert.IsType<WsError>(WsMessages.Parse("""{"channel":"error","data":"Invalid subscription"}"""u8));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"data":{}}""")]
    [InlineData("""{"channel":"l2Book","data":{"coin":"BTC","time":1,"levels":[[{"px":"x","sz":"1","n":1}],[]]}}""")]
    [InlineData("""{"channel":"trades","data":{"coin":"BTC"}}""")]
    public void MalformedFrames_AreWireFormatExceptions(string frame)
        => Assert.Throws<Json.WireFormatException>(() => WsMessages.Parse(Encoding.UTF8.GetBytes(frame)));
}
