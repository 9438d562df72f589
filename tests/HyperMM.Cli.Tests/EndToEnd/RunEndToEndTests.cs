using HyperMM.Cli.Hosting;
using HyperMM.Cli.Journal;

namespace HyperMM.Cli.Tests.EndToEnd;

/// <summary>
/// hypermm run's session against the local exchange over real HTTP and WebSocket: the three shipped strategies
/// quote, get filled, stay within their caps, and leave nothing behind; the journal holds exactly the venue's fills.
/// </summary>
public sealed class RunEndToEndTests
{
    [Fact]
    public async Task Run_ThreeStrategies_QuoteFillStayInCapsLeaveNoOrdersAndJournalEveryFill()
    {
        await using var venue = await LocalRehearsal.StartAsync();
        var session = new RunSession(venue.Settings(TimeSpan.FromSeconds(30)), VenueConnectors.CreateAsync, TimeProvider.System);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await session.RunAsync(output, error, CancellationToken.None);

        Assert.True(exit == 0, output + error.ToString());
        Assert.Contains("3 of 3 strategies ran, 0 orders left, journal complete", output.ToString(), StringComparison.Ordinal);
        using var journal = new JournalReader(venue.DatabasePath);
        foreach (var strategy in venue.Strategies)
        {
            var master = venue.MasterOf(strategy);
            Assert.Empty(await venue.Info.OpenOrdersAsync(master, default));
            var state = await venue.Info.ClearinghouseStateAsync(master, default);
            var position = state.PositionOf(strategy.Coin)?.Szi ?? 0m;
            Assert.True(Math.Abs(position) <= strategy.MaxAbsPosition, $"{strategy.Name}: position {position} beyond {strategy.MaxAbsPosition}");
            var venueFills = (await venue.Info.UserFillsAsync(master, default)).Select(f => f.Tid).Order().ToList();
            var journaled = journal.Fills(strategy.Name).Select(f => f.Fill.TradeId).Order().ToList();
            Assert.True(venueFills.Count > 0, $"{strategy.Name} got no fill in 30 s");
            Assert.Equal(venueFills, journaled);
        }
    }
}
