using System.CommandLine;
using System.Globalization;
using HyperMM.Cli.Config;
using HyperMM.Cli.Failures;
using HyperMM.Cli.Hosting;
using HyperMM.LocalExchange;
using HyperMM.LocalExchange.Accounts;
using HyperMM.LocalExchange.Faults;
using HyperMM.Simulation.Market;
using Microsoft.Extensions.Logging;

namespace HyperMM.Cli.Commands;

/// <summary>
/// <c>hypermm exchange</c>: runs the local Hyperliquid-compatible exchange on loopback until Ctrl-C, optionally with
/// funded rehearsal accounts (keys only ever go to an owner-only file) and fault injection.
/// </summary>
public static class ExchangeCommand
{
    public static Command Build()
    {
        var port = new Option<int>("--port") { Description = "TCP port on 127.0.0.1 (0 = pick a free port).", DefaultValueFactory = _ => 0 };
        var mainnet = new Option<bool>("--mainnet") { Description = "Verify mainnet signatures (default: testnet)." };
        var replay = new Option<string?>("--replay") { Description = "Replay this recording instead of the synthetic market." };
        var speed = new Option<double>("--speed") { Description = "Market speed factor (1 = real time).", DefaultValueFactory = _ => 1.0 };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic market.", DefaultValueFactory = _ => 42 };
        var accounts = new Option<string?>("--accounts") { Description = "Comma-separated strategy names: one funded account + approved API wallet each." };
        var usdc = new Option<decimal>("--usdc") { Description = "USDC deposited in each rehearsal account.", DefaultValueFactory = _ => 100_000m };
        var keysFile = new Option<string?>("--keys-file") { Description = "Write the API-wallet keys here (created with mode 0600). Keys are never printed." };
        var config = CommonOptions.Config();
        var ipWeight = new Option<int>("--ip-weight-per-minute") { Description = "Per-IP REST weight per minute (venue: 1200; 0 = off).", DefaultValueFactory = _ => 1200 };
        var dropWs = new Option<double?>("--drop-ws-every") { Description = "Fault: close every WebSocket every N seconds." };
        var failFraction = new Option<double>("--http-fail-fraction") { Description = "Fault: answer this fraction (0..1) of HTTP requests with 500." };
        var delayFraction = new Option<double>("--http-delay-fraction") { Description = "Fault: delay this fraction (0..1) of HTTP requests." };
        var delayMs = new Option<int>("--http-delay-ms") { Description = "Fault: the delay, in ms.", DefaultValueFactory = _ => 500 };
        var burst429 = new Option<int>("--http-429-burst") { Description = "Fault: answer the next N HTTP requests with 429." };
        var pauseFeed = new Option<bool>("--pause-feed") { Description = "Fault: start with the market feed paused." };
        var rejectOrders = new Option<int>("--reject-next-orders") { Description = "Fault: reject the next N orders." };
        var duration = new Option<double?>("--duration") { Description = "Stop after this many seconds (default: run until Ctrl-C)." };
        var logLevel = CommonOptions.LogLevel("warn", "Log level of the lines written to stderr");

        var command = new Command("exchange", "Run the local Hyperliquid-compatible exchange (loopback only) until Ctrl-C.")
        {
            port, mainnet, replay, speed, seed, accounts, usdc, keysFile, config, ipWeight,
            dropWs, failFraction, delayFraction, delayMs, burst429, pauseFeed, rejectOrders, duration, logLevel,
        };
        command.WithExamples(
            "hypermm exchange --accounts mm_eth_perp,mm_btc_perp,mm_hype_perp --keys-file keys.env",
            "hypermm exchange --drop-ws-every 20 --http-fail-fraction 0.05 --duration 5 --log-level info");
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async () =>
        {
            var output = parse.InvocationConfiguration.Output;
            var names = ParseNames(parse.GetValue(accounts));
            var keysPath = parse.GetValue(keysFile);
            if (keysPath is not null && names.Length == 0)
            {
                throw new UsageException("--keys-file needs --accounts (the strategies to create keys for)");
            }

            var options = new LocalExchangeOptions
            {
                Port = Check(parse.GetValue(port), 0, 65535, "--port"),
                IsMainnet = parse.GetValue(mainnet),
                ReplayPath = CheckReplay(parse.GetValue(replay)),
                Speed = CheckPositive(parse.GetValue(speed), "--speed"),
                Seed = parse.GetValue(seed),
                IpWeightPerMinute = Check(parse.GetValue(ipWeight), 0, int.MaxValue, "--ip-weight-per-minute"),
                Faults = new FaultOptions
                {
                    DropWebSocketsEvery = parse.GetValue(dropWs) is { } s ? TimeSpan.FromSeconds(CheckPositive(s, "--drop-ws-every")) : null,
                    HttpFailFraction = CheckFraction(parse.GetValue(failFraction), "--http-fail-fraction"),
                    HttpDelayFraction = CheckFraction(parse.GetValue(delayFraction), "--http-delay-fraction"),
                    HttpDelay = TimeSpan.FromMilliseconds(Check(parse.GetValue(delayMs), 0, 600_000, "--http-delay-ms")),
                    Http429Burst = Check(parse.GetValue(burst429), 0, int.MaxValue, "--http-429-burst"),
                    FeedPaused = parse.GetValue(pauseFeed),
                    RejectNextOrders = Check(parse.GetValue(rejectOrders), 0, int.MaxValue, "--reject-next-orders"),
                },
            };
            var deposit = parse.GetValue(usdc);
            if (deposit <= 0m)
            {
                throw new UsageException("--usdc must be positive");
            }

            var keyVariables = names.Length > 0 ? KeyVariables(names, parse.GetValue(config)) : [];
            var runFor = parse.GetValue(duration) is { } secs ? TimeSpan.FromSeconds(CheckPositive(secs, "--duration")) : (TimeSpan?)null;
            using var stop = new ConsoleCancellation(ct);
            using var loggers = ConsoleLogging(LogLevels.Parse(parse.GetValue(logLevel)!));
            await using var exchange = await StartAsync(options, loggers).ConfigureAwait(false);
            await output.WriteLineAsync($"HyperMM local exchange ({(exchange.IsMainnet ? "mainnet" : "testnet")} signatures) on {exchange.BaseUrl}  (POST /info, POST /exchange; WebSocket {exchange.WebSocketUrl})").ConfigureAwait(false);
            await output.WriteLineAsync($"market: {(options.ReplayPath is null ? "synthetic ETH, BTC, HYPE" : "replay of " + options.ReplayPath)} at speed {options.Speed.ToString(CultureInfo.InvariantCulture)}").ConfigureAwait(false);
            var entries = new List<KeyFileEntry>();
            foreach (var name in names)
            {
                var account = exchange.CreateRehearsalAccount(name, deposit);
                var (keyVar, accountVar) = keyVariables[name];
                entries.Add(new KeyFileEntry(account, keyVar, accountVar));
                await output.WriteLineAsync($"account {name}: master {account.Master.Hex}, API wallet {account.Agent.Hex}, {deposit.ToString(CultureInfo.InvariantCulture)} USDC").ConfigureAwait(false);
            }

            if (keysPath is not null)
            {
                WriteKeys(keysPath, entries);
                await output.WriteLineAsync($"keys written to {keysPath} (mode 0600): {string.Join(", ", entries.Select(e => e.KeyEnvironmentVariable))}").ConfigureAwait(false);
            }
            else if (entries.Count > 0)
            {
                await output.WriteLineAsync("keys not written: pass --keys-file PATH to receive the API-wallet keys (they are never printed)").ConfigureAwait(false);
            }

            stop.StartDuration(runFor);
            await output.WriteLineAsync(runFor is null ? "running; press Ctrl-C to stop" : $"running for {runFor.Value.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s").ConfigureAwait(false);
            await stop.WaitAsync().ConfigureAwait(false);
            await output.WriteLineAsync("stopped").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    /// <summary>One line per event on stderr (stdout carries the banner and the account lines).</summary>
    private static ILoggerFactory ConsoleLogging(LogLevel level) => LoggerFactory.Create(builder => LogLevels.Apply(
        builder.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        }).AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace),
        level));

    /// <summary>Starts the venue; a bad recording or a busy port is the user's to fix: one line, exit 2.</summary>
    private static async Task<LocalExchangeHandle> StartAsync(LocalExchangeOptions options, ILoggerFactory loggers)
    {
        try
        {
            return await LocalExchangeServer.StartAsync(options, loggers, CancellationToken.None).ConfigureAwait(false); // a Ctrl-C during start-up stops right after it
        }
        catch (MarketDataException ex)
        {
            throw new UsageException("--replay: " + ex.Message);
        }
        catch (IOException ex) when (ex is not FileNotFoundException)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--port {options.Port}: cannot listen on 127.0.0.1: {ex.Message}"));
        }
    }

    private static string[] ParseNames(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var n in names)
        {
            if (!n.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                throw new UsageException($"--accounts: '{n}' is not a valid name (letters, digits, '_' and '-')");
            }
        }

        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
        {
            throw new UsageException("--accounts: a name is repeated");
        }

        return names;
    }

    /// <summary>Environment variable names per account: the strategy's <c>key_env</c> when configured, else HYPERMM_&lt;NAME&gt;_KEY.</summary>
    private static Dictionary<string, (string Key, string Account)> KeyVariables(IReadOnlyList<string> names, string? configPath)
    {
        var path = StrategyConfigLoader.ResolvePath(configPath);
        var configured = configPath is not null || File.Exists(path)
            ? StrategyConfigLoader.Load(path).ToDictionary(s => s.Name, s => s.KeyEnvironmentVariable, StringComparer.Ordinal)
            : [];
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var key = configured.TryGetValue(name, out var v) && v.Length > 0 ? v : "HYPERMM_" + name.ToUpperInvariant().Replace('-', '_') + "_KEY";
            var account = key.EndsWith("_KEY", StringComparison.Ordinal) ? key[..^4] + "_ACCOUNT" : key + "_ACCOUNT";
            result[name] = (key, account);
        }

        return result;
    }

    private static void WriteKeys(string path, IReadOnlyList<KeyFileEntry> entries)
    {
        try
        {
            KeyFile.Write(path, entries);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
        {
            throw new UsageException($"--keys-file: cannot write {path}: {ex.Message}");
        }
    }

    private static string? CheckReplay(string? path)
    {
        if (path is not null && !File.Exists(path) && !Directory.Exists(path))
        {
            throw new UsageException($"--replay: {path} does not exist");
        }

        return path;
    }

    private static int Check(int value, int min, int max, string name) =>
        value < min || value > max ? throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{name} must be in {min}..{max}, got {value}")) : value;

    private static double CheckPositive(double value, string name) =>
        double.IsNaN(value) || double.IsInfinity(value) || value <= 0 ? throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{name} must be a positive number, got {value}")) : value;

    private static double CheckFraction(double value, string name) =>
        double.IsNaN(value) || value < 0 || value > 1 ? throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{name} must be in 0..1, got {value}")) : value;
}
