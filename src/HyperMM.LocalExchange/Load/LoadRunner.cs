using System.Diagnostics;
using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Accounts;
using HyperMM.Hyperliquid.Actions;
using HyperMM.Hyperliquid.Exchange;
using HyperMM.Hyperliquid.Signing;
using HyperMM.Hyperliquid.Streaming;
using HyperMM.Hyperliquid.Transport;
using HyperMM.LocalExchange.Market;

namespace HyperMM.LocalExchange.Load;

/// <summary>
/// Sends signed actions from several clients (the project's <see cref="ExchangeClient"/>, one funded account and
/// API wallet each) to a local exchange for a bounded time. Each client alternates an Alo order far from the market
/// (it rests, never fills) and its cancel by cloid, so every action is valid and the book stays small; the venue
/// recovers the signer of every one of them.
/// </summary>
public static class LoadRunner
{
    public static async Task<LoadReport> RunAsync(LocalExchangeHandle venue, LoadOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(venue);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Clients, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.InFlightPerClient, 1);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients * options.InFlightPerClient, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler);
        var endpoint = HyperliquidEndpoint.Custom(venue.BaseUrl, venue.IsMainnet);
        var spec = LocalMarkets.ByCoin("ETH")!;
        var mark = venue.Venue.Engine.GetMarkPrice(spec.Coin);
        var price = spec.RoundPrice(Math.Max(mark, 100m) * 0.5m, Core.Instruments.RoundingDirection.Down);
        var size = spec.RoundSizeUp(20m / price); // ≈ $20, above the $10 minimum

        var lanes = new List<Lane>();
        var sockets = new List<HyperliquidWebSocketClient>();
        for (var c = 0; c < options.Clients * options.InFlightPerClient; c++)
        {
            // one account and API wallet per lane: a signer's nonces must reach the venue roughly in order
            var account = venue.CreateRehearsalAccount($"load{c}", 1_000_000m);
            var nonces = new NonceSource(TimeProvider.System);
            var client = new ExchangeClient(new HttpTransport(http, TimeSpan.FromSeconds(30)), endpoint, new TradingAccount(account.AgentKey, account.Master), nonces, TimeProvider.System);
            if (options.OverWebSocket)
            {
                var socket = new HyperliquidWebSocketClient(venue.WebSocketUrl, TimeProvider.System, new WebSocketClientOptions(), null);
                await socket.StartAsync(cancellationToken).ConfigureAwait(false);
                sockets.Add(socket);
                client.Poster = socket;
            }

            lanes.Add(new Lane(client, nonces, (ulong)c + 1));
        }

        // Signing is the client's cost (benchmarked on its own in docs/PERFORMANCE.md "## Signing"): every lane signs
        // its first actions before the clock starts, in parallel, so the run measures the venue; a lane that uses
        // them all keeps signing on the fly.
        var pairsPerLane = (int)Math.Ceiling(options.PresignedActionsPerSecond * options.Duration.TotalSeconds / 2 / lanes.Count);
        await Parallel.ForEachAsync(lanes, cancellationToken, (lane, _) =>
        {
            lane.Presign(pairsPerLane, spec.AssetId, price, size);
            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);

        var accepted = 0L;
        var refused = 0L;
        var failed = 0L;
        using var stopSending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var started = Stopwatch.GetTimestamp();
        stopSending.CancelAfter(options.Duration);
        var workers = lanes.Select(lane => Task.Run(async () =>
        {
            var latencies = new List<double>(1 << 16);
            while (!stopSending.IsCancellationRequested)
            {
                var (order, cancel) = lane.NextPair(spec.AssetId, price, size);
                Count(await Timed(latencies, () => lane.Client.PostAsync(order, CancellationToken.None)).ConfigureAwait(false), ref accepted, ref refused, ref failed);
                Count(await Timed(latencies, () => lane.Client.PostAsync(cancel, CancellationToken.None)).ConfigureAwait(false), ref accepted, ref refused, ref failed);
            }

            return latencies;
        }, CancellationToken.None)).ToList();

        var all = (await Task.WhenAll(workers).ConfigureAwait(false)).SelectMany(l => l).ToList();
        var elapsed = Stopwatch.GetElapsedTime(started);
        foreach (var s in sockets)
        {
            await s.DisposeAsync().ConfigureAwait(false);
        }

        all.Sort();
        return new LoadReport(options.Clients, elapsed, accepted, refused, failed,
            LoadReport.Percentile(all, 0.50), LoadReport.Percentile(all, 0.90), LoadReport.Percentile(all, 0.99), all.Count > 0 ? all[^1] : 0);
    }

    /// <summary>One sender: its client (signer, nonces) and its queue of pre-signed order/cancel pairs.</summary>
    private sealed class Lane(ExchangeClient client, NonceSource nonces, ulong id)
    {
        private readonly Queue<(ExchangeRequest Order, ExchangeRequest Cancel)> _presigned = new();
        private ulong _n;

        public ExchangeClient Client { get; } = client;

        public void Presign(int pairs, AssetId asset, decimal price, decimal size)
        {
            for (var i = 0; i < pairs; i++)
            {
                _presigned.Enqueue(Sign(asset, price, size));
            }
        }

        public (ExchangeRequest Order, ExchangeRequest Cancel) NextPair(AssetId asset, decimal price, decimal size) =>
            _presigned.TryDequeue(out var pair) ? pair : Sign(asset, price, size);

        private (ExchangeRequest, ExchangeRequest) Sign(AssetId asset, decimal price, decimal size)
        {
            var cloid = new Cloid(((UInt128)id << 64) | ++_n);
            var order = Client.Sign(new OrderAction([new OrderWire(asset, true, price, size, false, new LimitOrderKind(TimeInForce.Alo), cloid)]), nonces.Next());
            var cancel = Client.Sign(new CancelByCloidAction([new CancelByCloidWire(asset, cloid)]), nonces.Next());
            return (order, cancel);
        }
    }

    private static async Task<ActionOutcome?> Timed(List<double> latencies, Func<Task<ActionOutcome>> send)
    {
        var t0 = Stopwatch.GetTimestamp();
        try
        {
            var outcome = await send().ConfigureAwait(false);
            latencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            return outcome;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static void Count(ActionOutcome? outcome, ref long accepted, ref long refused, ref long failed)
    {
        if (outcome is null)
        {
            Interlocked.Increment(ref failed);
        }
        else if (outcome.Success && outcome.Response is { } r && r.Statuses.All(s => s.Kind != ExchangeStatusKind.Error))
        {
            Interlocked.Increment(ref accepted);
        }
        else
        {
            Interlocked.Increment(ref refused);
        }
    }
}
