using System.Text.Json;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.Hyperliquid.Info;
using HyperMM.LocalExchange.Accounts;
using HyperMM.LocalExchange.Http;
using HyperMM.LocalExchange.Json;
using HyperMM.LocalExchange.Limits;
using HyperMM.LocalExchange.Market;

namespace HyperMM.LocalExchange;

/// <summary>POST /info (PROTOCOL §1.4): every request type the client uses, in the venue's JSON shapes.</summary>
public sealed partial class LocalVenue
{
    private const string BadBody = "Failed to deserialize the JSON body into the target type";

    public VenueReply Info(ReadOnlySpan<byte> body, string remoteIp)
    {
        InfoRequest request;
        try
        {
            request = InfoRequest.Parse(body);
        }
        catch (FormatException)
        {
            return VenueReply.Text(422, BadBody);
        }

        if (!IpLimiter.TryCharge(remoteIp, IpWeightLimiter.InfoWeight(request.Type)))
        {
            return TooManyRequests();
        }

        var reply = InfoPayload(request);
        if (reply is null)
        {
            return VenueReply.Text(422, BadBody);
        }

        if (IpWeightLimiter.InfoItemWeight(request.Type, int.MaxValue) > 0)
        {
            // userFills, userFillsByTime, candleSnapshot: one more unit per 20 (candles: 60) items returned
            using var doc = JsonDocument.Parse(reply);
            IpLimiter.ChargeAfter(remoteIp, IpWeightLimiter.InfoItemWeight(request.Type, doc.RootElement.GetArrayLength()));
        }

        return VenueReply.Json(reply);
    }

    /// <summary>The JSON of an /info answer, or null when the request does not deserialize (HTTP 422).</summary>
    internal byte[]? InfoPayload(InfoRequest request)
    {
        switch (request.Type)
        {
            case "meta":
                return JsonBytes.Write(WriteMeta);
            case "metaAndAssetCtxs":
                return JsonBytes.Write(w =>
                {
                    w.WriteStartArray();
                    WriteMeta(w);
                    WriteAssetCtxs(w);
                    w.WriteEndArray();
                });
            case "l2Book":
                return Listed(request.Coin) is { } coin ? JsonBytes.Write(w => L2Book.Write(w, request.Aggregation.Apply(Book(coin)))) : null;
            case "spotMeta":
                // no spot markets here: the venue's shape with an empty universe, so spot-aware clients start
                return JsonBytes.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteStartArray("universe");
                    w.WriteEndArray();
                    w.WriteStartArray("tokens");
                    w.WriteEndArray();
                    w.WriteEndObject();
                });
            case "allMids":
                return JsonBytes.Write(WriteMids);
            case "exchangeStatus":
                return JsonBytes.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("time", NowMs);
                    w.WriteNull("specialStatuses");
                    w.WriteEndObject();
                });
            case "candleSnapshot":
                return Candles(request);
        }

        if (request.User is not { } user)
        {
            return null;
        }

        switch (request.Type)
        {
            case "clearinghouseState":
                return JsonBytes.Write(w =>
                {
                    var state = Locked(() => Engine.GetAccount(user));
                    VenueModels.Clearinghouse(state, c => LocalMarkets.ByCoin(c.Name)?.MaxLeverage ?? 1, NowMs).Write(w);
                });
            case "openOrders":
                return JsonBytes.Write(w =>
                {
                    w.WriteStartArray();
                    foreach (var o in Locked(() => Engine.GetOpenOrders(user)))
                    {
                        VenueOpenOrder.From(o).Write(w);
                    }

                    w.WriteEndArray();
                });
            case "frontendOpenOrders":
                return JsonBytes.Write(w =>
                {
                    w.WriteStartArray();
                    foreach (var o in Locked(() => Engine.GetOpenOrders(user)))
                    {
                        VenueModels.Frontend(o, TifOf(user, o.OrderId)).Write(w);
                    }

                    w.WriteEndArray();
                });
            case "userFills":
                return JsonBytes.Write(w => WriteFills(w, Locked(() => Engine.GetFills(user)).Reverse().Take(2000)));
            case "userFillsByTime":
                {
                    if (request.StartTime is not { } start)
                    {
                        return null;
                    }

                    var end = request.EndTime ?? long.MaxValue;
                    return JsonBytes.Write(w => WriteFills(w, Locked(() => Engine.GetFills(user, start)).Where(f => f.TimeMs <= end).Take(2000)));
                }

            case "orderStatus":
                return OrderStatus(request, user);
            case "userRateLimit":
                {
                    var volume = Locked(() => Engine.GetAccount(user)).CumulativeVolumeUsd;
                    return JsonBytes.Write(new UserRateLimit(Num.Round(volume), Budget.Used(user), Budget.Cap(volume), 0).Write);
                }

            case "userRole":
                {
                    var role = Directory.RoleOf(user, out var master);
                    return JsonBytes.Write(new UserRole(role switch { AccountRole.User => "user", AccountRole.Agent => "agent", _ => "missing" }, master, null).Write);
                }

            case "extraAgents":
                return JsonBytes.Write(w =>
                {
                    w.WriteStartArray();
                    foreach (var a in Directory.NamedAgentsOf(user))
                    {
                        new ExtraAgent(a.Name, a.Agent, a.ValidUntilMs).Write(w);
                    }

                    w.WriteEndArray();
                });
            case "activeAssetData":
                return ActiveAssetData(request, user);
            default:
                return null;
        }
    }

    private T Locked<T>(Func<T> read)
    {
        lock (Gate)
        {
            return read();
        }
    }

    private static VenueReply TooManyRequests() => VenueReply.Text(429, "429 Too Many Requests");

    private static Coin? Listed(Coin? coin) => coin is { } c && LocalMarkets.ByCoin(c.Name) is { } spec ? spec.Coin : null;

    private Core.Market.OrderBookSnapshot Book(Coin coin) => Locked(() => Engine.GetBook(coin));

    private static void WriteMeta(Utf8JsonWriter w) => LocalMarkets.Meta.Write(w);

    private void WriteAssetCtxs(Utf8JsonWriter w)
    {
        w.WriteStartArray();
        for (var asset = 0; asset < LocalMarkets.Meta.Universe.Count; asset++)
        {
            if (LocalMarkets.ByAsset(asset) is not { } spec)
            {
                UnlistedContext.Write(w);
                continue;
            }

            var (book, mark, dayNtl, dayBase, prevDay) = Locked(() =>
            {
                var b = Engine.GetBook(spec.Coin);
                var m = Engine.GetMarkPrice(spec.Coin);
                var since = NowMs - 86_400_000L;
                var trades = Tape.Trades(spec.Coin);
                decimal ntl = 0m, bas = 0m, prev = 0m;
                foreach (var t in trades)
                {
                    if (t.TimeMs >= since)
                    {
                        ntl += t.Price * t.Size;
                        bas += t.Size;
                        if (prev == 0m)
                        {
                            prev = t.Price;
                        }
                    }
                }

                return (b, m, ntl, bas, prev == 0m ? m : prev);
            });
            var top = book.Top;
            new PerpAssetContext(0m, 0m, prevDay, Num.Round(dayNtl), 0m, mark, mark,
                top.IsTwoSided ? top.Mid : null, top.IsTwoSided ? top.BidPrice : null, top.IsTwoSided ? top.AskPrice : null, dayBase).Write(w);
        }

        w.WriteEndArray();
    }

    /// <summary>The context of a universe placeholder: no market, every figure zero.</summary>
    private static readonly PerpAssetContext UnlistedContext = new(0m, 0m, 0m, 0m, null, 0m, 0m, null, null, null, 0m);

    private void WriteMids(Utf8JsonWriter w)
    {
        var mids = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var spec in LocalMarkets.All)
        {
            var mid = Locked(() => Engine.GetMarkPrice(spec.Coin));
            if (mid > 0m)
            {
                mids[spec.Coin.Name] = mid;
            }
        }

        new AllMids(mids).Write(w);
    }

    private static void WriteFills(Utf8JsonWriter w, IEnumerable<Fill> fills)
    {
        w.WriteStartArray();
        foreach (var f in fills)
        {
            VenueModels.Fill(f).Write(w);
        }

        w.WriteEndArray();
    }

    private byte[]? OrderStatus(InfoRequest request, Address user)
    {
        OrderUpdate? update;
        if (request.Oid is { } oid)
        {
            update = Locked(() => Engine.GetOrder(user, oid));
        }
        else if (request.Cloid is { } cloid)
        {
            update = Locked(() => Engine.GetOrder(user, cloid));
        }
        else
        {
            return null;
        }

        var result = update is null
            ? OrderStatusResult.Unknown
            : new OrderStatusResult(VenueModels.Frontend(update.Order, TifOf(user, update.Order.OrderId)), update.Status, update.StatusTimeMs);
        return JsonBytes.Write(result.Write);
    }

    private byte[]? ActiveAssetData(InfoRequest request, Address user)
    {
        if (Listed(request.Coin) is not { } coin)
        {
            return null;
        }

        return JsonBytes.Write(w =>
        {
            var (position, account, mark) = Locked(() => (Engine.GetPosition(user, coin), Engine.GetAccount(user), Engine.GetMarkPrice(coin)));
            var spec = LocalMarkets.ByCoin(coin.Name)!;
            var available = Math.Max(0m, account.Withdrawable) * position.Leverage;
            var maxSz = mark > 0m ? spec.RoundSizeDown(available / mark) : 0m;
            w.WriteStartObject();
            w.WriteString("user", user.Hex);
            w.WriteString("coin", coin.Name);
            w.WritePropertyName("leverage");
            VenueModels.Leverage(position).Write(w);
            w.WriteStartArray("maxTradeSzs");
            w.WriteStringValue(Num.Format(maxSz));
            w.WriteStringValue(Num.Format(maxSz));
            w.WriteEndArray();
            w.WriteStartArray("availableToTrade");
            w.WriteStringValue(Num.Format(available));
            w.WriteStringValue(Num.Format(available));
            w.WriteEndArray();
            w.WriteString("markPx", Num.Format(mark));
            w.WriteEndObject();
        });
    }
}
