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
        var limit = Core.Instruments.VenueRules.RoundPrice(ask * 1.001m, spec.SzDecimals, Core.Instruments.RoundingDirection.Up);
        var result = await client.PlaceOrdersAsync([new OrderRequest(eth, Side.Buy, limit, 0.01m, TimeInForce.Gtc, false, null)], default);
        Assert.Equal(OrderResultKind.Filled, result[0].Kind);
        var fill = await ClientFactory.NextAsync<FillsEvent>(client, f => !f.IsSnapshot);
        Assert.True(fill.Fills[0].Crossed);
        Assert.Equal(0.01m, (await client.GetAccountAsync(eth, default)).Position);
    }
}
