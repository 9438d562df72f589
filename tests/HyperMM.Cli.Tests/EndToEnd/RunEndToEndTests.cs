using HyperMM.Cli.Hosting;
using HyperMM.Journal;
using HyperMM.TestSupport;

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
            AssertFillPressureTiming(venue.DatabasePath, strategy);
        }

        AssertNoKeyAnywhere(venue, output.ToString() + error);
    }

    /// <summary>
    /// From the journal: no quote is under fill pressure before the target time has passed since the strategy's first
    /// quote, and after every fill the strategy is back to normal quoting (stage 0) before the target passes again.
    /// </summary>
    private static void AssertFillPressureTiming(string db, Core.Model.StrategyParameters strategy)
    {
        using var connection = JournalWriter.OpenConnection(db, readOnly: true);
        var quotes = new List<(long TimeMs, int Stage)>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT time_ms, stage FROM quotes WHERE strategy = $s ORDER BY time_ms";
            cmd.Parameters.AddWithValue("$s", strategy.Name);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                quotes.Add((r.GetInt64(0), r.GetInt32(1)));
            }
        }

        var targetMs = (long)(strategy.As().TargetFillSeconds * 1000);
        var firstPressure = quotes.FirstOrDefault(q => q.Stage > 0);
        Assert.True(firstPressure.TimeMs > 0, $"{strategy.Name} never entered fill pressure");
        Assert.True(firstPressure.TimeMs - quotes[0].TimeMs >= targetMs - 50, $"{strategy.Name}: fill pressure {firstPressure.TimeMs - quotes[0].TimeMs} ms after the first quote");
        using var journal = new JournalReader(db);
        foreach (var fill in journal.Fills(strategy.Name).Where(f => !f.Historical))
        {
            var after = quotes.Where(q => q.TimeMs > fill.Fill.TimeMs && q.TimeMs < fill.Fill.TimeMs + targetMs).ToList();
            if (after.Count > 0)
            {
                Assert.Contains(after, q => q.Stage == 0);
            }
        }
    }

    [Fact]
    public async Task Run_UnderWebSocketDrops5xxAnd429Bursts_RecoversWithoutOrphansOrLostFills()
    {
        var faults = new LocalExchange.Faults.FaultOptions
        {
            DropWebSocketsEvery = TimeSpan.FromSeconds(8),
            HttpFailFraction = 0.05,
            Http429Burst = 5,
        };
        // Per-IP weight is off here: every drop makes each strategy resync over REST (~45 weight each), and three
        // strategies behind one IP with a drop every 8 s exceed the venue's 1,200 weight/min on their own; that limit
        // has its own tests in the local exchange.
        await using var venue = await LocalRehearsal.StartAsync(new LocalExchange.LocalExchangeOptions { Faults = faults, IpWeightPerMinute = 0 });
        var session = new RunSession(venue.Settings(TimeSpan.FromSeconds(25)), VenueConnectors.CreateAsync, TimeProvider.System);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await session.RunAsync(output, error, CancellationToken.None);

        Assert.True(exit == 0, output + error.ToString());
        Assert.True(venue.Exchange.Faults.DropsInjected > 0, "the WebSocket drop fault never fired");
        using var journal = new JournalReader(venue.DatabasePath);
        var totalFills = 0;
        foreach (var strategy in venue.Strategies)
        {
            var master = venue.MasterOf(strategy);
            Assert.Empty(await venue.Info.OpenOrdersAsync(master, default));
            var venueFills = (await venue.Info.UserFillsAsync(master, default)).Select(f => f.Tid).Order().ToList();
            Assert.Equal(venueFills, journal.Fills(strategy.Name).Select(f => f.Fill.TradeId).Order().ToList());
            totalFills += venueFills.Count;
            // quoting resumed after the drops: the strategy was quoting when the run ended
            Assert.Contains(session.Slots, s => s.Name == strategy.Name && s.Status?.Quote is not null);
        }

        Assert.True(totalFills > 0, "no fill at all under faults");
    }

    [Fact]
    public async Task Run_PausedFeed_PullsQuotesAsStale()
    {
        await using var venue = await LocalRehearsal.StartAsync();
        var settings = venue.Settings(TimeSpan.FromSeconds(20)) with
        {
            Strategies = [.. venue.Strategies.Take(1).Select(s => s with { StaleBookSeconds = 2 })],
        };
        var session = new RunSession(settings, VenueConnectors.CreateAsync, TimeProvider.System);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var run = session.RunAsync(output, error, CancellationToken.None);
        var master = venue.MasterOf(venue.Strategies[0]);
        var resting = false;
        for (var i = 0; i < 40 && !resting; i++)
        {
            await Task.Delay(250);
            resting = (await venue.Info.OpenOrdersAsync(master, default)).Count > 0;
        }

        Assert.True(resting, "the strategy never quoted");
        venue.Exchange.Faults.FeedPaused = true;
        var pulled = false;
        for (var i = 0; i < 40 && !pulled; i++)
        {
            await Task.Delay(250);
            pulled = (await venue.Info.OpenOrdersAsync(master, default)).Count == 0;
        }

        Assert.True(pulled, "quotes stayed up on a paused feed");
        venue.Exchange.Faults.FeedPaused = false;
        Assert.Equal(0, await run);
    }

    [Fact]
    public async Task Run_DryRun_QuotesButSendsNoOrder()
    {
        await using var venue = await LocalRehearsal.StartAsync();
        var session = new RunSession(venue.Settings(TimeSpan.FromSeconds(5)) with { DryRun = true }, VenueConnectors.CreateAsync, TimeProvider.System);
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(0, await session.RunAsync(output, error, CancellationToken.None));

        Assert.All(session.Slots, s => Assert.NotNull(s.Status?.Quote));
        Assert.All(session.Slots, s => Assert.Equal(0, s.Status!.Figures.Counters.Requests));
        foreach (var strategy in venue.Strategies)
        {
            Assert.Empty(await venue.Info.UserFillsAsync(venue.MasterOf(strategy), default));
            Assert.Equal(0L, venue.Exchange.Venue.Budget.Used(venue.MasterOf(strategy))); // not one signed action reached the venue
        }
    }

    /// <summary>No private key text (the rehearsal keys) in the console output, the logs or the journal file.</summary>
    private static void AssertNoKeyAnywhere(LocalRehearsal venue, string consoleText)
    {
        var keys = venue.Accounts.Select(a => a.RevealAgentPrivateKeyHex()[2..]).ToList();
        var texts = new List<(string Where, string Text)> { ("console", consoleText) };
        texts.AddRange(Directory.EnumerateFiles(Path.Combine(venue.Folder, "logs")).Select(f => (f, File.ReadAllText(f))));
        foreach (var db in Directory.EnumerateFiles(venue.Folder, "hypermm.db*"))
        {
            using var stream = new FileStream(db, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, System.Text.Encoding.Latin1);
            texts.Add((db, reader.ReadToEnd()));
        }

        Assert.True(texts.Count >= 3, "expected console, a log file and the journal");
        foreach (var (where, text) in texts)
        {
            foreach (var key in keys)
            {
                Assert.False(text.Contains(key, StringComparison.OrdinalIgnoreCase), $"a private key appears in {where}");
            }
        }
    }
}
