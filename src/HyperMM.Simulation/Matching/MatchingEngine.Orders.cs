using HyperMM.Core.Instruments;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;

namespace HyperMM.Simulation.Matching;

public sealed partial class MatchingEngine
{
    /// <summary>Places one order for <paramref name="account"/>; venue outcomes (including errors) are values.</summary>
    public OrderResult Place(Address account, OrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            var now = NowMs;
            FireScheduledCancels(now);
            if (!_books.TryGetValue(request.Coin, out var book))
            {
                return OrderResult.Rejected(RejectReason.Unknown, "Unknown coin " + request.Coin.Name + ".", request.Cloid);
            }

            var result = PlaceCore(Ledger(account), book, request, now, modify: false);
            return result;
        }
    }

    /// <summary>Places several orders in sequence (one venue batch); one result per order.</summary>
    public IReadOnlyList<OrderResult> PlaceBatch(Address account, IReadOnlyList<OrderRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        lock (_gate)
        {
            var results = new OrderResult[requests.Count];
            for (var i = 0; i < requests.Count; i++)
            {
                results[i] = Place(account, requests[i]);
            }

            return results;
        }
    }

    /// <summary>
    /// Replaces a resting order (by oid, else by cloid). Without the venue's always-place flag the new order must
    /// not cross: Gtc and Ioc are treated as Alo. If the new order is refused, the old one stays where it was.
    /// </summary>
    public OrderResult Modify(Address account, ModifyRequest modify)
    {
        ArgumentNullException.ThrowIfNull(modify);
        lock (_gate)
        {
            var now = NowMs;
            FireScheduledCancels(now);
            var ledger = Ledger(account);
            var request = modify.Order;
            if (!_books.TryGetValue(request.Coin, out var book))
            {
                return OrderResult.Rejected(RejectReason.Unknown, "Unknown coin " + request.Coin.Name + ".", request.Cloid);
            }

            var target = FindOpen(ledger, modify.OrderId, modify.TargetCloid);
            if (target is null || target.Coin != request.Coin)
            {
                return OrderResult.Rejected(RejectReason.OrderNotFound, VenueErrors.WithAsset(VenueErrors.MissingOrder, book.Spec.AssetId), request.Cloid);
            }

            var index = book.Remove(target);
            ledger.OpenOrders.Remove(target.OrderId.Value);
            var result = PlaceCore(ledger, book, request with { Tif = TimeInForce.Alo }, now, modify: true);
            if (!result.IsAccepted)
            {
                book.Reinsert(target, index);
                ledger.OpenOrders[target.OrderId.Value] = target;
                return result;
            }

            Finish(target, OrderState.Canceled, "canceled", now);
            PublishBook(book, now);
            return result;
        }
    }

    /// <summary>Cancels a resting order by oid.</summary>
    public CancelResult Cancel(Address account, Coin coin, OrderId orderId) => CancelCore(account, coin, orderId, null);

    /// <summary>Cancels a resting order by cloid.</summary>
    public CancelResult CancelByCloid(Address account, Coin coin, Cloid cloid) => CancelCore(account, coin, null, cloid);

    /// <summary>
    /// Sets (or with null clears) the dead-man switch. Refused until the account has traded the volume gate, and
    /// when the time is less than 5 s away (whole-action errors, no asset suffix).
    /// </summary>
    public CancelResult ScheduleCancel(Address account, long? atMs)
    {
        lock (_gate)
        {
            var now = NowMs;
            FireScheduledCancels(now);
            var ledger = Ledger(account);
            if (ledger.CumulativeVolumeUsd < Options.ScheduleCancelVolumeGateUsd)
            {
                return CancelResult.Failed(RejectReason.ScheduledCancelRefused,
                    VenueErrors.ScheduleCancelVolumeGate(Options.ScheduleCancelVolumeGateUsd, ledger.CumulativeVolumeUsd));
            }

            if (atMs is { } at && at < now + (long)Options.ScheduleCancelMinLead.TotalMilliseconds)
            {
                return CancelResult.Failed(RejectReason.ScheduledCancelRefused, VenueErrors.ScheduleCancelTooEarly);
            }

            ledger.ScheduledCancelMs = atMs;
            return CancelResult.Ok;
        }
    }

    /// <summary>How many times the account's scheduled cancel has fired.</summary>
    public int ScheduledCancelTriggers(Address account)
    {
        lock (_gate)
        {
            return Ledger(account).ScheduledCancelTriggers;
        }
    }

    private CancelResult CancelCore(Address account, Coin coin, OrderId? orderId, Cloid? cloid)
    {
        lock (_gate)
        {
            var now = NowMs;
            FireScheduledCancels(now);
            if (!_books.TryGetValue(coin, out var book))
            {
                return CancelResult.Failed(RejectReason.Unknown, "Unknown coin " + coin.Name + ".");
            }

            var ledger = Ledger(account);
            var order = FindOpen(ledger, orderId, cloid);
            if (order is null || order.Coin != coin)
            {
                return CancelResult.Failed(RejectReason.OrderNotFound, VenueErrors.WithAsset(VenueErrors.MissingOrder, book.Spec.AssetId));
            }

            RemoveResting(book, order, OrderState.Canceled, "canceled", now);
            PublishBook(book, now);
            return CancelResult.Ok;
        }
    }

    private static SimOrder? FindOpen(AccountLedger ledger, OrderId? orderId, Cloid? cloid)
    {
        if (orderId is { } oid)
        {
            return ledger.OpenOrders.GetValueOrDefault(oid.Value);
        }

        return cloid is { } c && ledger.ByCloid.TryGetValue(c, out var order) && order.State == OrderState.Open ? order : null;
    }

    private void FireScheduledCancels(long now)
    {
        foreach (var ledger in _accounts.Values)
        {
            if (ledger.ScheduledCancelMs is not { } at || at > now)
            {
                continue;
            }

            ledger.ScheduledCancelMs = null;
            ledger.ScheduledCancelTriggers++;
            foreach (var order in ledger.OpenOrders.Values.OrderBy(o => o.OrderId.Value).ToList())
            {
                var book = _books[order.Coin];
                RemoveResting(book, order, OrderState.OtherTerminal, "scheduledCancel", now);
                PublishBook(book, now);
            }
        }
    }

    private void RemoveResting(CoinBook book, SimOrder order, OrderState state, string status, long now)
    {
        book.Remove(order);
        _accounts[order.Account].OpenOrders.Remove(order.OrderId.Value);
        Finish(order, state, status, now);
    }

    private void Finish(SimOrder order, OrderState state, string status, long now)
    {
        order.State = state;
        order.Status = status;
        order.StatusTimeMs = now;
        _sink.OnOrderUpdate(order.Account, order.ToUpdate());
    }

    private OrderResult PlaceCore(AccountLedger ledger, CoinBook book, OrderRequest request, long now, bool modify)
    {
        var spec = book.Spec;
        var error = Validate(ledger, book, request);
        if (error is { } rejected)
        {
            return rejected;
        }

        var order = new SimOrder
        {
            Account = ledger.Address,
            Coin = spec.Coin,
            OrderId = new OrderId(_nextOrderId++),
            Cloid = request.Cloid,
            Side = request.Side,
            Price = request.Price,
            OriginalSize = request.Size,
            Remaining = request.Size,
            ReduceOnly = request.ReduceOnly,
            Tif = request.Tif,
            TimeMs = now,
            StatusTimeMs = now,
        };
        _orders[order.OrderId.Value] = order;
        if (order.Cloid is { } cloid)
        {
            ledger.ByCloid[cloid] = order;
        }

        var (filled, notional) = request.Tif == TimeInForce.Alo ? (0m, 0m) : MatchIncoming(ledger, book, order, now);
        var average = filled > 0m ? notional / filled : 0m;
        var bookChanged = filled > 0m;
        OrderResult result;
        if (order.Remaining == 0m)
        {
            Finish(order, OrderState.Filled, "filled", now);
            result = OrderResult.Filled(order.OrderId, order.Cloid, filled, average);
        }
        else if (order.ReduceOnly && ledger.SizeOf(spec.Coin) == 0m && filled > 0m)
        {
            Finish(order, OrderState.OtherTerminal, "reduceOnlyCanceled", now);
            result = OrderResult.Filled(order.OrderId, order.Cloid, filled, average);
        }
        else if (request.Tif == TimeInForce.Ioc)
        {
            if (filled == 0m)
            {
                order.State = OrderState.Rejected;
                order.Status = "iocCancelRejected";
                result = OrderResult.Rejected(RejectReason.IocNoMatch, VenueErrors.WithAsset(VenueErrors.IocNoMatch, spec.AssetId), order.Cloid);
            }
            else
            {
                Finish(order, OrderState.Canceled, "canceled", now);
                result = OrderResult.Filled(order.OrderId, order.Cloid, filled, average);
            }
        }
        else
        {
            order.QueueAhead = book.OutsideAvailableAt(order.Side, order.Price);
            book.Add(order);
            ledger.OpenOrders[order.OrderId.Value] = order;
            _sink.OnOrderUpdate(ledger.Address, order.ToUpdate());
            bookChanged = true;
            result = new OrderResult(OrderResultKind.Resting, order.OrderId, order.Cloid, filled, average, RejectReason.None, null);
        }

        if (bookChanged && !modify)
        {
            PublishBook(book, now);
        }

        return result;
    }

    private OrderResult? Validate(AccountLedger ledger, CoinBook book, OrderRequest request)
    {
        var spec = book.Spec;
        OrderResult Reject(RejectReason reason, string text) =>
            OrderResult.Rejected(reason, VenueErrors.WithAsset(text, spec.AssetId), request.Cloid);

        if (request.Size == 0m)
        {
            return Reject(RejectReason.ZeroSize, VenueErrors.ZeroSize);
        }

        if (!spec.IsValidSize(request.Size))
        {
            return Reject(RejectReason.InvalidSize, VenueErrors.InvalidSize);
        }

        if (request.Price <= 0m)
        {
            return Reject(RejectReason.InvalidPrice, VenueErrors.InvalidPrice);
        }

        if (!spec.IsValidPrice(request.Price))
        {
            return Reject(RejectReason.TickSize, VenueErrors.Tick);
        }

        if (!spec.MeetsMinNotional(request.Price, request.Size))
        {
            return Reject(RejectReason.MinNotional, VenueErrors.MinValue);
        }

        var position = ledger.SizeOf(spec.Coin);
        if (request.ReduceOnly && (request.Side == Side.Buy ? position >= 0m : position <= 0m))
        {
            return Reject(RejectReason.ReduceOnlyWouldIncrease, VenueErrors.ReduceOnly);
        }

        if (request.Tif == TimeInForce.Alo)
        {
            var bid = book.Best(Side.Buy);
            var ask = book.Best(Side.Sell);
            var crosses = request.Side == Side.Buy ? ask > 0m && request.Price >= ask : bid > 0m && request.Price <= bid;
            if (crosses)
            {
                return Reject(RejectReason.PostOnlyWouldCross, VenueErrors.PostOnly(bid, ask));
            }
        }

        if (request.Tif != TimeInForce.Ioc && ledger.OpenOrders.Count >= Options.OpenOrderLimit)
        {
            return Reject(RejectReason.TooManyOpenOrders, VenueErrors.TooManyOpenOrders);
        }

        if (!request.ReduceOnly)
        {
            var adding = AddingSize(position, request.Side, request.Size);
            var required = adding * request.Price / LeverageOf(ledger, spec);
            if (required > 0m && required > State(ledger).Withdrawable)
            {
                return Reject(RejectReason.InsufficientMargin, VenueErrors.InsufficientMargin);
            }
        }

        return null;
    }
}
