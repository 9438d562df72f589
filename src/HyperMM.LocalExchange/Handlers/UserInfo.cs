using System.Text.Json;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.Hyperliquid.Info;
using HyperMM.LocalExchange.Accounts;
using HyperMM.LocalExchange.Json;
using HyperMM.LocalExchange.Market;

namespace HyperMM.LocalExchange.Handlers;

/// <summary>
/// The per-user side of /info: account state, open orders, fills, order status, request budget, role, agents and
/// active asset data, as the venue answers them for <c>user</c>.
/// </summary>
internal sealed class UserInfo(VenueContext venue, OrderEntry orders)
{
    /// <summary>The answer for a user request, or null when the type is unknown or the request incomplete (HTTP 422).</summary>
    public byte[]? Answer(InfoRequest request, Address user)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (request.Type)
        {
            case "clearinghouseState":
                return JsonBytes.Write(w =>
                {
                    var state = venue.Locked(() => venue.Engine.GetAccount(user));
                    VenueModels.Clearinghouse(state, c => LocalMarkets.ByCoin(c.Name)?.MaxLeverage ?? 1, venue.NowMs).Write(w);
                });
            case "openOrders":
                return JsonBytes.Write(w =>
                {
                    w.WriteStartArray();
                    foreach (var o in venue.Locked(() => venue.Engine.GetOpenOrders(user)))
                    {
                        VenueOpenOrder.From(o).Write(w);
                    }

                    w.WriteEndArray();
                });
            case "frontendOpenOrders":
                return JsonBytes.Write(w =>
                {
                    w.WriteStartArray();
                    foreach (var o in venue.Locked(() => venue.Engine.GetOpenOrders(user)))
                    {
                        VenueModels.Frontend(o, orders.TifOf(o.OrderId)).Write(w);
                    }

                    w.WriteEndArray();
                });
            case "userFills":
                return JsonBytes.Write(w => WriteFills(w, venue.Locked(() => venue.Engine.GetFills(user)).Reverse().Take(2000)));
            case "userFillsByTime":
                {
                    if (request.StartTime is not { } start)
                    {
                        return null;
                    }

                    var end = request.EndTime ?? long.MaxValue;
                    return JsonBytes.Write(w => WriteFills(w, venue.Locked(() => venue.Engine.GetFills(user, start)).Where(f => f.TimeMs <= end).Take(2000)));
                }

            case "orderStatus":
                return OrderStatus(request, user);
            case "userRateLimit":
                {
                    var volume = venue.Locked(() => venue.Engine.GetAccount(user)).CumulativeVolumeUsd;
                    return JsonBytes.Write(new UserRateLimit(Num.Round(volume), venue.Budget.Used(user), venue.Budget.Cap(volume), 0).Write);
                }

            case "userRole":
                {
                    var role = venue.Directory.RoleOf(user, out var master);
                    return JsonBytes.Write(new UserRole(role switch { AccountRole.User => "user", AccountRole.Agent => "agent", _ => "missing" }, master, null).Write);
                }

            case "extraAgents":
                return JsonBytes.Write(w =>
                {
                    w.WriteStartArray();
                    foreach (var a in venue.Directory.NamedAgentsOf(user))
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
            update = venue.Locked(() => venue.Engine.GetOrder(user, oid));
        }
        else if (request.Cloid is { } cloid)
        {
            update = venue.Locked(() => venue.Engine.GetOrder(user, cloid));
        }
        else
        {
            return null;
        }

        var result = update is null
            ? OrderStatusResult.Unknown
            : new OrderStatusResult(VenueModels.Frontend(update.Order, orders.TifOf(update.Order.OrderId)), update.Status, update.StatusTimeMs);
        return JsonBytes.Write(result.Write);
    }

    private byte[]? ActiveAssetData(InfoRequest request, Address user)
    {
        if (MarketInfo.Listed(request.Coin) is not { } coin)
        {
            return null;
        }

        return JsonBytes.Write(w =>
        {
            var (position, account, mark) = venue.Locked(() => (venue.Engine.GetPosition(user, coin), venue.Engine.GetAccount(user), venue.Engine.GetMarkPrice(coin)));
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
