using HyperMM.Core.Strategy;
using HyperMM.LocalExchange.Tests.Support;
using HyperMM.TestSupport;

namespace HyperMM.LocalExchange.Tests.EndToEnd;

/// <summary>
/// The whole stack on the local venue: Core's StrategyRunner for ETH, BTC and HYPE, each on its own rehearsal account
/// and API wallet, through the project's Hyperliquid client over real HTTP and WebSocket, against the synthetic
/// market. Each strategy quotes; on stop every order is cancelled.
/// </summary>
public sealed class StrategiesEndToEndTests
{
    [Fact]
    public async Task ThreeStrategies_QuoteOnTheLocalVenue_AndLeaveNoOrdersWhenStopped()
    {
        await using var venue = await LocalExchangeServer.StartAsync(new LocalExchangeOptions { MarketStep = TimeSpan.FromMilliseconds(200) });
        using var http = new HttpClient();
        var runs = new List<(Core.Primitives.Address Master, Task Run)>();
        var clients = new List<Hyperliquid.HyperliquidExchange>();
        using var stop = new CancellationTokenSource();
        foreach (var parameters in TestStrategies.All)
        {
            var account = venue.CreateRehearsalAccount(parameters.Name, 100_000m);
            var client = ClientFactory.Create(venue, account, http);
            clients.Add(client);
            var runner = new StrategyRunner(parameters, client, TimeProvider.System);
            runs.Add((account.Master, Task.Run(() => runner.RunAsync(stop.Token))));
        }

        // wait (bounded) until every strategy has orders resting on the venue
        var quoting = new HashSet<Core.Primitives.Address>();
        for (var i = 0; i < 300 && quoting.Count < runs.Count; i++)
        {
            await Task.Delay(100);
            foreach (var (master, run) in runs)
            {
                Assert.False(run.IsFaulted, run.Exception?.ToString());
                if (venue.Venue.Engine.GetOpenOrders(master).Count > 0)
                {
                    quoting.Add(master);
                }
            }
        }

        Assert.Equal(runs.Count, quoting.Count);
        await stop.CancelAsync();
        foreach (var (_, run) in runs)
        {
            try
            {
                await run;
            }
            catch (OperationCanceledException)
            {
                // the runner ends by cancellation
            }
        }

        foreach (var (master, _) in runs)
        {
            Assert.Empty(venue.Venue.Engine.GetOpenOrders(master));
        }

        foreach (var c in clients)
        {
            await c.DisposeAsync();
        }
    }
}
