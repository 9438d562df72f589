using HyperMM.LocalExchange.Load;

namespace HyperMM.LocalExchange.Tests.Load;

/// <summary>The load driver works end to end (no speed assertion here: figures live in docs/PERFORMANCE.md).</summary>
public sealed class LoadRunnerTests
{
    [Fact]
    public async Task Run_ShortAndSmall_EveryActionAuthenticatedAndAccepted()
    {
        await using var venue = await LocalExchangeServer.StartAsync(new LocalExchangeOptions { IpWeightPerMinute = 0, AddressRequestBuffer = 1_000_000, WebSocketLimits = Ws.WsLimits.Off });
        var report = await LoadRunner.RunAsync(venue, new LoadOptions { Clients = 2, InFlightPerClient = 1, Duration = TimeSpan.FromMilliseconds(500), PresignedActionsPerSecond = 200 }, default);
        Assert.True(report.Accepted > 0);
        Assert.Equal(0, report.Refused);
        Assert.Equal(0, report.Failed);
        Assert.Equal(report.Accepted, venue.Venue.AcceptedActions);
        Assert.Empty(venue.Venue.Engine.GetOpenOrders(venue.RehearsalAccounts[0].Master)); // every order was cancelled again
    }

    [Fact]
    public void Percentile_NearestRank()
    {
        double[] sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        // nearest rank: ceil(0.5 x 10) = 5th -> 5; ceil(0.9 x 10) = 9th -> 9; ceil(0.99 x 10) = 10th -> 10
        Assert.Equal(5, LoadReport.Percentile(sorted, 0.50));
        Assert.Equal(9, LoadReport.Percentile(sorted, 0.90));
        Assert.Equal(10, LoadReport.Percentile(sorted, 0.99));
        Assert.Equal(0, LoadReport.Percentile([], 0.5));
    }
}
