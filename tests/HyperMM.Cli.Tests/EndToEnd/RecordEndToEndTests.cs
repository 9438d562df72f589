using HyperMM.Cli.Commands;
using HyperMM.Core.Primitives;
using HyperMM.Simulation.Market;

namespace HyperMM.Cli.Tests.EndToEnd;

/// <summary>hypermm record against the local exchange: what it writes replays through the backtester's loader.</summary>
public sealed class RecordEndToEndTests
{
    [Fact]
    public async Task Record_LocalExchange_WritesARecordingTheBacktesterReplays()
    {
        await using var venue = await LocalRehearsal.StartAsync();
        var path = Path.Combine(venue.Folder, "recording.jsonl.gz");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(4));

        var (books, _, _, connected) = await RecordCommand.RecordAsync(new Uri(venue.Exchange.WebSocketUrl.ToString()), [new Coin("ETH"), new Coin("BTC")], path, TimeProvider.System, stop.Token);

        Assert.True(connected);
        Assert.True(books >= 4, $"only {books} books in 4 s");
        var replayed = MarketDataLoader.Load(path, new Coin("ETH"));
        Assert.Contains(replayed, e => e.Kind == MarketEventKind.Book);
        Assert.All(replayed.Where(e => e.Kind == MarketEventKind.Book), e => Assert.True(e.Book!.Top.IsTwoSided));
        Assert.Equal(["BTC", "ETH"], MarketDataLoader.CoinsIn(path).Select(c => c.Name).Order());
    }
}
