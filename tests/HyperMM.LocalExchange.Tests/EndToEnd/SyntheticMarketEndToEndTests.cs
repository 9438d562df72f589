using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.LocalExchange.Tests.Support;

namespace HyperMM.LocalExchange.Tests.EndToEnd;

/// <summary>The default venue: the simulation's synthetic market for ETH, BTC and HYPE, in real time.</summary>
public sealed class SyntheticMarketEndToEndTests
{
    [Fact]
    public async Task Synthetic_BooksForAllThreeCoins_AndATakerOrderFillsAgainstThem()
    {
        await using var venue = await LocalExchangeServer.StartAsync(new LocalExchangeOptions { MarketStep = TimeSpan.FromMilliseconds(100) });
        var account = venue.CreateRehearsalAccount("mm_eth_perp", 100_000m);
        using var http = new HttpClient();
        await using var client = ClientFactory.Create(venue, account, http);
        foreach (var coin in new[] { "ETH", "BTC", "HYPE" })
        {
            var book = await client.GetBookAsync(new Coin(coin), default);
            Assert.True(book.Top.IsTwoSided, coin);
            Assert.Equal(20, book.Bids.Count);
        }

        var eth = new Coin("ETH");
        await client.SubscribeAsync(eth, default);
        var pushed = await ClientFactory.NextAsync<BookEvent>(client);
        var ask = pushed.Book.Top.AskPrice;
        // a Gtc buy 5 ticks above the ask takes the synthetic liquidity at once
        var spec = await client.GetInstrumentAsync(eth, default);
        var limit = spec.RoundPrice(ask * 1.001m, Core.Instruments.RoundingDirection.Up);
        var result = await client.PlaceOrdersAsync([new OrderRequest(eth, Side.Buy, limit, 0.01m, TimeInForce.Gtc, false, null)], default);
        Assert.Equal(OrderResultKind.Filled, result[0].Kind);
        var fill = await ClientFactory.NextAsync<FillsEvent>(client, f => !f.IsSnapshot);
        Assert.True(fill.Fills[0].Crossed);
        Assert.Equal(0.01m, (await client.GetAccountAsync(eth, default)).Position);
    }

    [Fact]
    public async Task Synthetic_RestingBidAtTheTouch_FilledByTheMarketMovingThroughIt()
    {
        // speed 60: a minute of synthetic ETH per second; the mid walks ~0.94 bps/√s, so within seconds synthetic
        // sellers print at or below a bid resting at the best bid and the engine fills it as maker (a print at its
        // price after the queue ahead of it, or a print below it; docs/SIMULATION.md §2)
        await using var venue = await LocalExchangeServer.StartAsync(new LocalExchangeOptions { MarketStep = TimeSpan.FromMilliseconds(100), Speed = 60, Seed = 3 });
        var account = venue.CreateRehearsalAccount("mm_eth_perp", 100_000m);
        using var http = new HttpClient();
        await using var client = ClientFactory.Create(venue, account, http);
        var eth = new Coin("ETH");
        await client.SubscribeAsync(eth, default);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var book = await ClientFactory.NextAsync<BookEvent>(client);
            var placed = await client.PlaceOrdersAsync([new OrderRequest(eth, Side.Buy, book.Book.Top.BidPrice, 0.01m, TimeInForce.Alo, false, null)], default);
            if (placed[0].Kind != OrderResultKind.Resting)
            {
                continue; // the market moved between the book and the order: try the next book
            }

            var fill = await ClientFactory.NextAsync<FillsEvent>(client, f => !f.IsSnapshot);
            Assert.False(fill.Fills[0].Crossed);
            Assert.Equal(placed[0].OrderId, fill.Fills[0].OrderId);
            Assert.Equal(0.01m, (await client.GetAccountAsync(eth, default)).Position);
            return;
        }

        Assert.Fail("no Alo bid could be placed at the touch in 20 books");
    }
}
