using HyperMM.Cli.Config;
using HyperMM.Cli.Hosting;
using HyperMM.Core.Model;
using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Accounts;
using HyperMM.Hyperliquid.Info;
using HyperMM.Hyperliquid.Transport;
using HyperMM.LocalExchange;
using HyperMM.LocalExchange.Accounts;
using HyperMM.TestSupport;

namespace HyperMM.Cli.Tests.EndToEnd;

/// <summary>
/// A local exchange running beside the trading code (as 'hypermm exchange' would), with a funded account and an
/// approved API wallet per shipped strategy, their keys in an owner-only key file, and a client to look at the venue.
/// </summary>
public sealed class LocalRehearsal : IAsyncDisposable
{
    private LocalRehearsal(LocalExchangeHandle exchange, string folder, IReadOnlyList<StrategyParameters> strategies, IReadOnlyList<RehearsalAccount> accounts)
    {
        Exchange = exchange;
        Folder = folder;
        Strategies = strategies;
        Accounts = accounts;
        Http = new HttpClient();
        Info = new InfoClient(new HttpTransport(Http, TimeSpan.FromSeconds(10)), HyperliquidEndpoint.Custom(exchange.BaseUrl, exchange.IsMainnet), TimeProvider.System);
    }

    public LocalExchangeHandle Exchange { get; }

    public string Folder { get; }

    public string KeysFile => Path.Combine(Folder, "keys.env");

    public string DatabasePath => Path.Combine(Folder, "hypermm.db");

    public IReadOnlyList<StrategyParameters> Strategies { get; }

    public IReadOnlyList<RehearsalAccount> Accounts { get; }

    public HttpClient Http { get; }

    public InfoClient Info { get; }

    /// <summary>
    /// The shipped strategies, made impatient so a short test sees fill pressure and fills: target 2 s, one stage per
    /// second, ten stages. (HYPE's shipped quote is ~76 bps wide at its volatility prior; the synthetic HYPE book is
    /// 5 bps deep, so only a deep pressure stage, 0.75^10 x 76 = 4 bps, trades within a 30 s test.)
    /// </summary>
    public static IReadOnlyList<StrategyParameters> ImpatientShippedStrategies() =>
        [.. StrategyConfigLoader.Load(Path.Combine(SharedData.RepositoryRoot, "config/strategies.yaml"))
            .Select(s => s.With(("mm_target_fill_seconds", 2), ("pressure_step_seconds", 1), ("pressure_max_steps", 10)))];

    public static async Task<LocalRehearsal> StartAsync(LocalExchangeOptions? options = null)
    {
        var folder = Directory.CreateTempSubdirectory("hypermm-e2e-").FullName;
        var exchange = await LocalExchangeServer.StartAsync(options ?? new LocalExchangeOptions());
        var strategies = ImpatientShippedStrategies();
        var accounts = strategies.Select(s => exchange.CreateRehearsalAccount(s.Name, 100_000m)).ToList();
        var rehearsal = new LocalRehearsal(exchange, folder, strategies, accounts);
        KeyFile.Write(rehearsal.KeysFile, strategies.Zip(accounts, (s, a) => new KeyFileEntry(a, s.KeyEnvironmentVariable, RehearsalKeys.AccountVariableFor(s.KeyEnvironmentVariable))));
        return rehearsal;
    }

    public RunSettings Settings(TimeSpan duration) => new()
    {
        Network = "local",
        Strategies = Strategies,
        ExchangeUrl = Exchange.BaseUrl,
        KeysFile = KeysFile,
        Duration = duration,
        DatabasePath = DatabasePath,
        LogFolder = Path.Combine(Folder, "logs"),
        ConfigPath = Path.Combine(SharedData.RepositoryRoot, "config/strategies.yaml"),
    };

    public Address MasterOf(StrategyParameters strategy) => Accounts[Strategies.ToList().IndexOf(strategy)].Master;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Exchange.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
