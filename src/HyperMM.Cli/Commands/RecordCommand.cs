using System.CommandLine;
using HyperMM.Cli.Failures;
using HyperMM.Cli.Hosting;
using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Accounts;
using HyperMM.Hyperliquid.Streaming;
using HyperMM.LocalExchange;
using HyperMM.Simulation.Market;

namespace HyperMM.Cli.Commands;

/// <summary>
/// <c>hypermm record</c>: subscribes to <c>l2Book</c> and <c>trades</c> for the configured coins and writes them, with
/// their receive time, in the recording format the backtester and the local exchange replay.
/// </summary>
public static class RecordCommand
{
    public static Command Build()
    {
        var venue = new VenueOptions();
        var output = new Option<string>("--out") { Description = "Recording file (gzip JSON lines), e.g. data/eth-btc-hype.jsonl.gz.", Required = true };
        var duration = new Option<string?>("--duration") { Description = "Stop after this long (90s, 15m, 2h); default: until Ctrl-C." };
        var command = new Command("record", "Record l2Book and trades of the configured coins into a replayable recording.");
        venue.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(duration);
        command.WithExamples(
            "hypermm record --out data/eth-btc-hype.jsonl.gz --duration 10s");
        command.SetAction((parse, _) => CommandRunner.RunAsync(parse, async () =>
        {
            var settings = venue.Read(parse);
            var runFor = parse.GetValue(duration) is { } d ? DurationParser.Parse("--duration", d) : (TimeSpan?)null;
            var path = parse.GetValue(output)!;
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null)
            {
                try
                {
                    Directory.CreateDirectory(folder); // as run does for data/
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new UsageException($"--out: cannot create folder '{folder}': {ex.Message}");
                }
            }

            var coins = settings.Strategies.Select(s => s.Coin).Distinct().ToList();
            var console = parse.InvocationConfiguration.Output;
            using var signal = new ShutdownSignal(parse.InvocationConfiguration.Error);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(signal.Token);
            if (runFor is { } span)
            {
                stop.CancelAfter(span);
            }

            await using var embedded = settings.Network == "local" && settings.ExchangeUrl is null
                ? await LocalExchangeServer.StartAsync(new LocalExchangeOptions(), null, stop.Token).ConfigureAwait(false)
                : null;
            var endpoint = settings.Network switch
            {
                "testnet" => HyperliquidEndpoint.Testnet,
                "mainnet" => HyperliquidEndpoint.Mainnet,
                _ => HyperliquidEndpoint.Custom(settings.ExchangeUrl ?? embedded!.BaseUrl, isMainnet: false),
            };
            await console.WriteLineAsync($"recording {string.Join(", ", coins)} from {endpoint.WebSocketUri} into {path}{(runFor is null ? " until Ctrl-C" : $" for {runFor}")}").ConfigureAwait(false);
            var counts = await RecordAsync(endpoint.WebSocketUri, coins, path, TimeProvider.System, stop.Token).ConfigureAwait(false);
            await console.WriteLineAsync($"recorded {counts.Books} books, {counts.Trades} trades, {counts.Interruptions} interruption(s) into {path}").ConfigureAwait(false);
            if (!counts.Connected)
            {
                // An empty recording from a venue that never answered is a failure, not a quiet market.
                throw VenueUnreachableException.For(endpoint, new IOException($"no WebSocket connection to {endpoint.WebSocketUri} during the recording"));
            }

            return 0;
        }));
        return command;
    }

    /// <summary>Records until cancelled; interruptions are reconnected by the client and counted. Connected: the socket opened at least once.</summary>
    public static async Task<(long Books, long Trades, long Interruptions, bool Connected)> RecordAsync(Uri webSocket, IReadOnlyList<Coin> coins, string path, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(coins);
        long books = 0, trades = 0, interruptions = 0;
        var connected = false;
        using var writer = RecordingWriter.Create(path);
        await using var client = new HyperliquidWebSocketClient(webSocket, time);
        try
        {
            await client.StartAsync(cancellationToken).ConfigureAwait(false);
            connected = true;
            foreach (var coin in coins)
            {
                await client.SubscribeAsync(WsSubscription.L2Book(coin), cancellationToken).ConfigureAwait(false);
                await client.SubscribeAsync(WsSubscription.Trades(coin), cancellationToken).ConfigureAwait(false);
            }

            await foreach (var message in client.Messages.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var now = time.GetUtcNow().ToUnixTimeMilliseconds();
                switch (message)
                {
                    case WsL2Book book:
                        writer.WriteBook(now, book.Book);
                        books++;
                        break;
                    case WsTrades t:
                        writer.WriteTrades(now, [.. t.Trades.Select(x => x.Trade)]);
                        trades += t.Trades.Count;
                        break;
                    case WsStreamInterrupted:
                        interruptions++;
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        return (books, trades, interruptions, connected);
    }
}
