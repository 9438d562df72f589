using HyperMM.Cli.Failures;
using HyperMM.Cli.Hosting;
using HyperMM.Core.Model;
using HyperMM.Core.Trading;
using HyperMM.Journal;
using HyperMM.TestSupport;

namespace HyperMM.Cli.Tests.Hosting;

public sealed class RunSessionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hypermm-run-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Hands out one fake venue session per strategy, each with a two-sided book already published.</summary>
    private sealed class FakeConnector(string? failing = null) : IVenueConnector
    {
        public List<FakeExchange> Exchanges { get; } = [];

        public string Network => "fake";

        public Task<IExchange> ConnectAsync(StrategyParameters strategy, CancellationToken cancellationToken)
        {
            if (strategy.Name == failing)
            {
                throw new VenueSetupException($"{strategy.Name}: key variable not set");
            }

            var spec = TestStrategies.SpecFor(strategy);
            var exchange = new FakeExchange(spec, TimeProvider.System);
            var mid = strategy.Coin.Name switch { "BTC" => 110_000m, "ETH" => 4_000m, _ => 40m };
            exchange.PushBook(mid * 0.9999m, mid * 1.0001m);
            lock (Exchanges)
            {
                Exchanges.Add(exchange);
            }

            return Task.FromResult<IExchange>(exchange);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private RunSettings Settings() => new()
    {
        Network = "fake",
        Strategies = TestStrategies.All,
        Duration = TimeSpan.FromSeconds(2),
        DatabasePath = Path.Combine(_folder, "hypermm.db"),
        LogFolder = Path.Combine(_folder, "logs"),
    };

    [Fact]
    public async Task RunAsync_ForADuration_QuotesJournalsAndLeavesNoOrders()
    {
        var connector = new FakeConnector();
        var session = new RunSession(Settings(), (_, _, _, _) => Task.FromResult<IVenueConnector>(connector), TimeProvider.System);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await session.RunAsync(output, error, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Contains("3 of 3 strategies ran, 0 orders left", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(3, connector.Exchanges.Count);
        Assert.All(connector.Exchanges, e => Assert.NotEmpty(e.Placed));
        Assert.All(connector.Exchanges, e => Assert.Empty(e.OpenOrders));
        using var reader = new JournalReader(Settings().DatabasePath);
        Assert.Equal(["mm_btc_perp", "mm_eth_perp", "mm_hype_perp"], reader.Strategies(Assert.Single(reader.Runs()).RunId));
    }

    [Fact]
    public async Task RunAsync_OneStrategyCannotConnect_OthersRunAndExitIsOne()
    {
        var connector = new FakeConnector(failing: "mm_btc_perp");
        var session = new RunSession(Settings(), (_, _, _, _) => Task.FromResult<IVenueConnector>(connector), TimeProvider.System);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await session.RunAsync(output, error, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("mm_btc_perp: failed: mm_btc_perp: key variable not set", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("2 of 3 strategies ran", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, connector.Exchanges.Count);
    }

    [Fact]
    public async Task RunAsync_VenueSetupFails_OneLineErrorAndExitOne()
    {
        var session = new RunSession(Settings(), (_, _, _, _) => throw new VenueSetupException("local exchange: port in use"), TimeProvider.System);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await session.RunAsync(output, error, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Equal("error: local exchange: port in use", error.ToString().Trim());
    }

    [Fact]
    public async Task RunAsync_StopToken_EndsTheRunAsASignal()
    {
        var connector = new FakeConnector();
        var settings = Settings() with { Duration = null };
        var session = new RunSession(settings, (_, _, _, _) => Task.FromResult<IVenueConnector>(connector), TimeProvider.System);
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));

        var exit = await session.RunAsync(output, error, stop.Token);

        Assert.Equal(0, exit);
        Assert.All(connector.Exchanges, e => Assert.Empty(e.OpenOrders));
        await using var connection = JournalWriter.OpenConnection(settings.DatabasePath, readOnly: true);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT end_reason FROM runs";
        Assert.Equal("signal", cmd.ExecuteScalar());
    }

    [Fact]
    public async Task RunAsync_WithDashboard_ServesTheRunWhileItGoes()
    {
        var connector = new FakeConnector();
        var settings = Settings() with { Dashboard = true, Duration = TimeSpan.FromSeconds(4) };
        var session = new RunSession(settings, (_, _, _, _) => Task.FromResult<IVenueConnector>(connector), TimeProvider.System);
        using var buffer = new StringWriter();
        var output = TextWriter.Synchronized(buffer);
        using var error = new StringWriter();

        var run = session.RunAsync(output, error, CancellationToken.None);
        string? url = null;
        for (var i = 0; i < 100 && url is null; i++)
        {
            await Task.Delay(50);
            url ??= buffer.ToString().Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("dashboard: ", StringComparison.Ordinal))?["dashboard: ".Length..];
        }

        Assert.NotNull(url);
        Assert.StartsWith("http://127.0.0.1:", url, StringComparison.Ordinal);
        using var http = new HttpClient();
        var state = "";
        for (var i = 0; i < 40 && !state.Contains("mm_hype_perp", StringComparison.Ordinal); i++)
        {
            await Task.Delay(50);
            state = await http.GetStringAsync(new Uri(new Uri(url), "api/state"));
        }

        Assert.Contains("mm_eth_perp", state, StringComparison.Ordinal);
        Assert.Contains("mm_hype_perp", state, StringComparison.Ordinal);

        // /metrics beside it, scraped while the run goes: one series per strategy and coin, read from the statuses
        var metrics = "";
        for (var i = 0; i < 40 && !metrics.Contains("hypermm_requests_sent_total{strategy=\"mm_hype_perp\"", StringComparison.Ordinal); i++)
        {
            await Task.Delay(50);
            metrics = await http.GetStringAsync(new Uri(new Uri(url), "metrics"));
        }

        foreach (var (strategy, coin) in new[] { ("mm_eth_perp", "ETH"), ("mm_btc_perp", "BTC"), ("mm_hype_perp", "HYPE") })
        {
            Assert.Contains($"hypermm_position{{strategy=\"{strategy}\",coin=\"{coin}\"}}", metrics, StringComparison.Ordinal);
            Assert.Contains($"hypermm_pnl_usd{{strategy=\"{strategy}\",coin=\"{coin}\"}}", metrics, StringComparison.Ordinal);
        }

        Assert.Equal(0, await run);
    }
}
