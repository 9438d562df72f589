using System.Text.Json;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.Hyperliquid.Accounts;
using HyperMM.Hyperliquid.Json;
using HyperMM.Hyperliquid.Transport;

namespace HyperMM.Hyperliquid.Info;

/// <summary>
/// Typed /info queries (PROTOCOL §1.4). Queries are read-only, so 429, 5xx, timeouts and connection failures are
/// retried with bounded backoff; a failure after the last attempt throws <see cref="HyperliquidInfoException"/>.
/// User queries take the trading account's address (master or sub-account), never the agent's.
/// </summary>
public sealed class InfoClient
{
    private readonly HttpTransport _transport;
    private readonly HyperliquidEndpoint _endpoint;
    private readonly RetryPolicy _retry;
    private readonly TimeProvider _time;

    public InfoClient(HttpTransport transport, HyperliquidEndpoint endpoint, TimeProvider timeProvider, RetryPolicy? retry = null)
    {
        _transport = transport ?? throw new ArgumentNullException(nameof(transport));
        _endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _retry = retry ?? RetryPolicy.Default;
    }

    public Task<PerpMeta> MetaAsync(CancellationToken ct)
        => QueryAsync(w => Type(w, "meta"), PerpMeta.Parse, ct);

    public Task<MetaAndAssetContexts> MetaAndAssetContextsAsync(CancellationToken ct)
        => QueryAsync(w => Type(w, "metaAndAssetCtxs"), MetaAndAssetContexts.Parse, ct);

    public Task<Core.Market.OrderBookSnapshot> L2BookAsync(Coin coin, CancellationToken ct, int? nSigFigs = null)
        => QueryAsync(
            w =>
            {
                Type(w, "l2Book");
                w.WriteString("coin", coin.Name);
                if (nSigFigs is { } n)
                {
                    w.WriteNumber("nSigFigs", n);
                }
            },
            L2Book.Parse,
            ct);

    public Task<AllMids> AllMidsAsync(CancellationToken ct)
        => QueryAsync(w => Type(w, "allMids"), AllMids.Parse, ct);

    public Task<ClearinghouseState> ClearinghouseStateAsync(Address user, CancellationToken ct)
        => QueryAsync(w => User(w, "clearinghouseState", user), ClearinghouseState.Parse, ct);

    public Task<IReadOnlyList<VenueOpenOrder>> OpenOrdersAsync(Address user, CancellationToken ct)
        => QueryAsync(w => User(w, "openOrders", user), e => JsonRead.List(e, VenueOpenOrder.Parse), ct);

    public Task<IReadOnlyList<FrontendOpenOrder>> FrontendOpenOrdersAsync(Address user, CancellationToken ct)
        => QueryAsync(w => User(w, "frontendOpenOrders", user), e => JsonRead.List(e, FrontendOpenOrder.Parse), ct);

    public Task<IReadOnlyList<UserFill>> UserFillsAsync(Address user, CancellationToken ct, bool aggregateByTime = false)
        => QueryAsync(
            w =>
            {
                User(w, "userFills", user);
                if (aggregateByTime)
                {
                    w.WriteBoolean("aggregateByTime", true);
                }
            },
            e => JsonRead.List(e, UserFill.Parse),
            ct);

    /// <summary>At most 2000 fills per answer: page by the last returned time.</summary>
    public Task<IReadOnlyList<UserFill>> UserFillsByTimeAsync(Address user, long startTimeMs, long? endTimeMs, CancellationToken ct, bool aggregateByTime = false)
        => QueryAsync(
            w =>
            {
                User(w, "userFillsByTime", user);
                w.WriteNumber("startTime", startTimeMs);
                if (endTimeMs is { } end)
                {
                    w.WriteNumber("endTime", end);
                }

                if (aggregateByTime)
                {
                    w.WriteBoolean("aggregateByTime", true);
                }
            },
            e => JsonRead.List(e, UserFill.Parse),
            ct);

    public Task<OrderStatusResult> OrderStatusAsync(Address user, OrderId oid, CancellationToken ct)
        => QueryAsync(
            w =>
            {
                User(w, "orderStatus", user);
                w.WriteNumber("oid", oid.Value);
            },
            OrderStatusResult.Parse,
            ct);

    public Task<OrderStatusResult> OrderStatusAsync(Address user, Cloid cloid, CancellationToken ct)
        => QueryAsync(
            w =>
            {
                User(w, "orderStatus", user);
                w.WriteString("oid", cloid.ToString());
            },
            OrderStatusResult.Parse,
            ct);

    public Task<UserRateLimit> UserRateLimitAsync(Address user, CancellationToken ct)
        => QueryAsync(w => User(w, "userRateLimit", user), UserRateLimit.Parse, ct);

    public Task<UserRole> UserRoleAsync(Address user, CancellationToken ct)
        => QueryAsync(w => User(w, "userRole", user), UserRole.Parse, ct);

    public Task<IReadOnlyList<ExtraAgent>> ExtraAgentsAsync(Address user, CancellationToken ct)
        => QueryAsync(w => User(w, "extraAgents", user), e => JsonRead.List(e, ExtraAgent.Parse), ct);

    /// <summary>Intervals: 1m 3m 5m 15m 30m 1h 2h 4h 8h 12h 1d 3d 1w 1M.</summary>
    public Task<IReadOnlyList<Candle>> CandleSnapshotAsync(Coin coin, string interval, long startTimeMs, long endTimeMs, CancellationToken ct)
        => QueryAsync(
            w =>
            {
                Type(w, "candleSnapshot");
                w.WriteStartObject("req");
                w.WriteString("coin", coin.Name);
                w.WriteString("interval", interval);
                w.WriteNumber("startTime", startTimeMs);
                w.WriteNumber("endTime", endTimeMs);
                w.WriteEndObject();
            },
            e => JsonRead.List(e, Candle.Parse),
            ct);

    /// <summary>Any /info body → a parsed answer, with the retry policy.</summary>
    public async Task<T> QueryAsync<T>(Action<Utf8JsonWriter> writeBodyFields, Func<JsonElement, T> parse, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(writeBodyFields);
        var body = JsonRead.ToUtf8(w =>
        {
            w.WriteStartObject();
            writeBodyFields(w);
            w.WriteEndObject();
        });
        HttpResult? last = null;
        var waited = TimeSpan.Zero;
        var attempt = 0;
        var gated = false;
        while (attempt < _retry.MaxAttempts)
        {
            if (attempt > 0 && !gated)
            {
                await Task.Delay(_retry.DelayBefore(attempt + 1), _time, ct).ConfigureAwait(false);
            }

            last = await _transport.PostJsonAsync(_endpoint.InfoUri, body, ct).ConfigureAwait(false);
            gated = false;
            switch (last.Outcome)
            {
                case HttpOutcome.Success:
                    return JsonRead.Document(last.Body.Span, parse);
                case HttpOutcome.ClientError:
                    throw new HyperliquidInfoException(RejectReason.Unknown, $"/info {Describe(body)}: {last.Error}: {Truncate(last.BodyText)}");
                case HttpOutcome.RateLimited when _transport.RateLimit is { } gate:
                    // Not a failed attempt: the venue's weight window is full. The gate holds every request of this
                    // process back until it refills; the query fails only after waiting longer than the gate allows.
                    waited += gate.OnRateLimited(last.RetryAfter, "/info " + TypeOf(body));
                    if (waited > gate.MaxWait)
                    {
                        throw new HyperliquidInfoException(RejectReason.HttpRateLimited,
                            $"/info {Describe(body)}: still rate limited by the venue after waiting {waited.TotalSeconds:0} s", last.Error);
                    }

                    gated = true;
                    continue;
                default:
                    attempt++;
                    continue;
            }
        }

        var reason = last!.Outcome switch
        {
            HttpOutcome.RateLimited => RejectReason.HttpRateLimited,
            HttpOutcome.ServerError => RejectReason.ServerError,
            HttpOutcome.Timeout => RejectReason.Timeout,
            _ => RejectReason.Transport,
        };
        throw new HyperliquidInfoException(reason, $"/info {Describe(body)} failed after {_retry.MaxAttempts} attempts: {last.Error}", last.Error);
    }

    private static void Type(Utf8JsonWriter w, string type) => w.WriteString("type", type);

    private static void User(Utf8JsonWriter w, string type, Address user)
    {
        w.WriteString("type", type);
        w.WriteString("user", user.Hex);
    }

    private static string TypeOf(byte[] body)
    {
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.TryGetProperty("type", out var type) ? type.GetString() ?? "?" : "?";
    }

    private static string Describe(byte[] body) => Truncate(System.Text.Encoding.UTF8.GetString(body));

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
