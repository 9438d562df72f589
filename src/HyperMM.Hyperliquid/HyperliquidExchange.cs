using System.Threading.Channels;
using HyperMM.Core.Instruments;
using HyperMM.Core.Market;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.Hyperliquid.Accounts;
using HyperMM.Hyperliquid.Actions;
using HyperMM.Hyperliquid.Exchange;
using HyperMM.Hyperliquid.Info;
using HyperMM.Hyperliquid.Streaming;
using HyperMM.Hyperliquid.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HyperMM.Hyperliquid;

/// <summary>
/// Core's exchange port on Hyperliquid: REST queries through <see cref="InfoClient"/>, actions through
/// <see cref="ExchangeClient"/>, pushed data from one <see cref="HyperliquidWebSocketClient"/> translated into
/// <see cref="ExchangeEvent"/>s (books, trades, our fills with the snapshot flag, order updates, stream
/// interrupted/restored). Works against mainnet, testnet or any custom URL (the local exchange).
/// </summary>
public sealed class HyperliquidExchange : IExchange
{
    private readonly HyperliquidExchangeOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<ExchangeEvent> _events;
    private readonly HyperliquidWebSocketClient _socket;
    private readonly SemaphoreSlim _metaLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private PerpMeta? _meta;
    private Task? _pump;
    private bool _userStreams;
    private int _disposed;

    public HyperliquidExchange(HyperliquidExchangeOptions options, HttpClient http, TimeProvider timeProvider, ILogger? logger = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        ArgumentNullException.ThrowIfNull(http);
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? NullLogger.Instance;
        var transport = new HttpTransport(http, options.HttpTimeout, options.RateLimit);
        Info = new InfoClient(transport, options.Endpoint, timeProvider, options.InfoRetry);
        Actions = new ExchangeClient(transport, options.Endpoint, options.Account, new NonceSource(timeProvider), timeProvider, options.ExpiresAfter);
        _socket = new HyperliquidWebSocketClient(options.Endpoint.WebSocketUri, timeProvider, options.WebSocket, _logger);
        if (options.PostOverWebSocket)
        {
            Actions.Poster = _socket;
        }

        _events = Channel.CreateBounded<ExchangeEvent>(new BoundedChannelOptions(options.EventCapacity) { SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>The trading account whose state is queried (sub-account/vault when set, else the master).</summary>
    public Address Account => _options.Account.QueryAddress;

    public ChannelReader<ExchangeEvent> Events => _events.Reader;

    public InfoClient Info { get; }

    public ExchangeClient Actions { get; }

    public HyperliquidWebSocketClient Socket => _socket;

    public async ValueTask<InstrumentSpec> GetInstrumentAsync(Coin coin, CancellationToken cancellationToken)
    {
        var meta = await MetaAsync(cancellationToken).ConfigureAwait(false);
        return meta.FindInstrument(coin) ?? throw new ArgumentException($"Coin {coin} is not listed in this venue's meta.", nameof(coin));
    }

    public async ValueTask SubscribeAsync(Coin coin, CancellationToken cancellationToken)
    {
        if (_pump is null)
        {
            await _socket.StartAsync(cancellationToken).ConfigureAwait(false);
            _pump = Task.Run(() => PumpAsync(_stop.Token), CancellationToken.None);
        }

        await _socket.SubscribeAsync(WsSubscription.L2Book(coin), cancellationToken).ConfigureAwait(false);
        await _socket.SubscribeAsync(WsSubscription.Trades(coin), cancellationToken).ConfigureAwait(false);
        if (!_userStreams)
        {
            _userStreams = true;
            await _socket.SubscribeAsync(WsSubscription.OrderUpdates(Account), cancellationToken).ConfigureAwait(false);
            await _socket.SubscribeAsync(WsSubscription.UserFills(Account), cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask<OrderBookSnapshot> GetBookAsync(Coin coin, CancellationToken cancellationToken)
        => await Info.L2BookAsync(coin, cancellationToken).ConfigureAwait(false);

    public async ValueTask<AccountSnapshot> GetAccountAsync(Coin coin, CancellationToken cancellationToken)
    {
        var stateTask = Info.ClearinghouseStateAsync(Account, cancellationToken);
        var ordersTask = Info.FrontendOpenOrdersAsync(Account, cancellationToken);
        var state = await stateTask.ConfigureAwait(false);
        var orders = await ordersTask.ConfigureAwait(false);
        var position = state.PositionOf(coin);
        var time = state.TimeMs > 0 ? state.TimeMs : _time.GetUtcNow().ToUnixTimeMilliseconds();
        return new AccountSnapshot(
            Account,
            coin,
            position?.Szi ?? 0m,
            position?.EntryPx ?? 0m,
            state.MarginSummary.AccountValue,
            state.MarginSummary.TotalMarginUsed,
            state.Withdrawable,
            [.. orders.Where(o => o.Order.Coin == coin && !o.IsTrigger).Select(o => o.Order.ToOpenOrder())],
            time);
    }

    public async ValueTask<IReadOnlyList<Fill>> GetFillsAsync(long sinceMs, CancellationToken cancellationToken)
    {
        // userFillsByTime answers at most 2000 fills: page forward from the last returned time, de-duplicated by tid.
        const int PageLimit = 2000;
        var byTid = new Dictionary<long, Fill>();
        var others = new List<Fill>();
        var start = sinceMs;
        while (true)
        {
            var page = await Info.UserFillsByTimeAsync(Account, start, null, cancellationToken).ConfigureAwait(false);
            foreach (var fill in page)
            {
                if (fill.Tid == 0)
                {
                    others.Add(fill.ToFill());
                }
                else
                {
                    byTid.TryAdd(fill.Tid, fill.ToFill());
                }
            }

            if (page.Count < PageLimit)
            {
                break;
            }

            var last = page.Max(f => f.Time);
            if (last <= start)
            {
                break;
            }

            start = last;
        }

        return [.. byTid.Values.Concat(others).OrderBy(f => f.TimeMs).ThenBy(f => f.TradeId)];
    }

    public async ValueTask<OrderLookup> GetOrderAsync(Cloid cloid, CancellationToken cancellationToken)
    {
        var status = await Info.OrderStatusAsync(Account, cloid, cancellationToken).ConfigureAwait(false);
        return new OrderLookup(cloid, status.State, status.Order?.Order.ToOpenOrder());
    }

    public async ValueTask<RequestBudget> GetRequestBudgetAsync(CancellationToken cancellationToken)
        => (await Info.UserRateLimitAsync(Account, cancellationToken).ConfigureAwait(false)).ToBudget();

    public async ValueTask<IReadOnlyList<OrderResult>> PlaceOrdersAsync(IReadOnlyList<OrderRequest> orders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orders);
        if (orders.Count == 0)
        {
            return [];
        }

        var wires = new List<OrderWire>(orders.Count);
        foreach (var order in orders)
        {
            wires.Add(await ToWireAsync(order, cancellationToken).ConfigureAwait(false));
        }

        return await Actions.PlaceOrdersAsync(wires, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<OrderResult>> ModifyOrdersAsync(IReadOnlyList<ModifyRequest> modifies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(modifies);
        if (modifies.Count == 0)
        {
            return [];
        }

        var wires = new List<ModifyWire>(modifies.Count);
        foreach (var modify in modifies)
        {
            var target = modify.OrderId is { } oid
                ? OrderRef.ById(oid)
                : modify.TargetCloid is { } cloid
                    ? OrderRef.ByCloid(cloid)
                    : throw new ArgumentException("A modify needs the target's oid or cloid.", nameof(modifies));
            wires.Add(new ModifyWire(target, await ToWireAsync(modify.Order, cancellationToken).ConfigureAwait(false)));
        }

        return await Actions.BatchModifyAsync(wires, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<CancelResult>> CancelOrdersAsync(IReadOnlyList<CancelRequest> cancels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cancels);
        var results = new CancelResult[cancels.Count];
        var byOid = new List<(int Index, CancelWire Wire)>();
        var byCloid = new List<(int Index, CancelByCloidWire Wire)>();
        for (var i = 0; i < cancels.Count; i++)
        {
            var asset = (await GetInstrumentAsync(cancels[i].Coin, cancellationToken).ConfigureAwait(false)).AssetId;
            if (cancels[i].OrderId is { } oid)
            {
                byOid.Add((i, new CancelWire(asset, oid)));
            }
            else if (cancels[i].Cloid is { } cloid)
            {
                byCloid.Add((i, new CancelByCloidWire(asset, cloid)));
            }
            else
            {
                throw new ArgumentException("A cancel needs an oid or a cloid.", nameof(cancels));
            }
        }

        // Two actions at most (the venue has one per kind); results keep the request order.
        if (byOid.Count > 0)
        {
            var r = await Actions.CancelAsync([.. byOid.Select(x => x.Wire)], cancellationToken).ConfigureAwait(false);
            for (var k = 0; k < byOid.Count; k++)
            {
                results[byOid[k].Index] = r[k];
            }
        }

        if (byCloid.Count > 0)
        {
            var r = await Actions.CancelByCloidAsync([.. byCloid.Select(x => x.Wire)], cancellationToken).ConfigureAwait(false);
            for (var k = 0; k < byCloid.Count; k++)
            {
                results[byCloid[k].Index] = r[k];
            }
        }

        return results;
    }

    public async ValueTask<CancelResult> ScheduleCancelAsync(DateTimeOffset? at, CancellationToken cancellationToken)
        => (await Actions.ScheduleCancelAsync(at?.ToUnixTimeMilliseconds(), cancellationToken).ConfigureAwait(false)).ToCancelResult();

    public async ValueTask<bool> SetLeverageAsync(Coin coin, int leverage, bool isCross, CancellationToken cancellationToken)
    {
        var asset = (await GetInstrumentAsync(coin, cancellationToken).ConfigureAwait(false)).AssetId;
        var outcome = await Actions.UpdateLeverageAsync(asset, isCross, leverage, cancellationToken).ConfigureAwait(false);
        if (!outcome.Success)
        {
            _logger.LogWarning("updateLeverage {Coin} {Leverage}x refused: {Reason} {Message}", coin, leverage, outcome.Reason, outcome.Message);
        }

        return outcome.Success;
    }

    /// <summary>Stops the stream and frees the session. Safe to call more than once (the second call does nothing).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _socket.DisposeAsync().ConfigureAwait(false);
        if (_pump is not null)
        {
            try
            {
                await _pump.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        _events.Writer.TryComplete();
        _stop.Dispose();
        _metaLock.Dispose();
    }

    private async Task<OrderWire> ToWireAsync(OrderRequest order, CancellationToken ct)
    {
        var instrument = await GetInstrumentAsync(order.Coin, ct).ConfigureAwait(false);
        return new OrderWire(instrument.AssetId, order.Side == Side.Buy, order.Price, order.Size, order.ReduceOnly, new LimitOrderKind(order.Tif), order.Cloid);
    }

    private async Task<PerpMeta> MetaAsync(CancellationToken ct)
    {
        if (_meta is { } cached)
        {
            return cached;
        }

        await _metaLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return _meta ??= await Info.MetaAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            _metaLock.Release();
        }
    }

    private async Task PumpAsync(CancellationToken stop)
    {
        await foreach (var message in _socket.Messages.ReadAllAsync(stop).ConfigureAwait(false))
        {
            var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            ExchangeEvent? ev = message switch
            {
                WsL2Book book => new BookEvent(book.Book),
                WsTrades trades => new TradesEvent([.. trades.Trades.Select(t => t.Trade)], now),
                WsUserFills fills => new FillsEvent([.. fills.Fills.Select(f => f.ToFill())], fills.IsSnapshot, now),
                WsOrderUpdates updates => new OrderUpdatesEvent(updates.Updates, now),
                WsStreamInterrupted interrupted => new StreamInterruptedEvent(interrupted.Reason, interrupted.TimeMs),
                WsStreamRestored restored => new StreamRestoredEvent(restored.TimeMs),
                _ => null,
            };
            if (ev is not null)
            {
                await _events.Writer.WriteAsync(ev, stop).ConfigureAwait(false);
            }
        }
    }
}
