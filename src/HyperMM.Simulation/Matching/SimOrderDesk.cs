using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;

namespace HyperMM.Simulation.Matching;

/// <summary>
/// Order entry as the venue does it: validation (price and size rules, reduce-only, post-only, open-order limit,
/// margin), then an order is matched, rests, or is refused; modifies replace in place; cancels by oid or cloid.
/// Venue outcomes, errors included, are values with the venue's texts.
/// </summary>
internal sealed class SimOrderDesk(SimMarkets markets, SimAccounts accounts, SimOrders orders, SimExecutions executions, MatchingEngineOptions options)
{
    public OrderResult Place(AccountLedger ledger, CoinBook book, OrderRequest request, long now, bool modify)
    {
        var spec = book.Spec;
        var error = Validate(ledger, book, request);
        if (error is { } rejected)
        {
            return rejected;
        }

        var order = orders.Create(ledger, spec, request, now);
        var (filled, notional) = request.Tif == TimeInForce.Alo ? (0m, 0m) : executions.MatchIncoming(ledger, book, order, now);
        var average = filled > 0m ? notional / filled : 0m;
        var bookChanged = filled > 0m;
        OrderResult result;
        if (order.Remaining == 0m)
        {
            orders.Finish(order, OrderState.Filled, "filled", now);
            result = OrderResult.Filled(order.OrderId, order.Cloid, filled, average);
        }
        else if (order.ReduceOnly && ledger.SizeOf(spec.Coin) == 0m && filled > 0m)
        {
            orders.Finish(order, OrderState.OtherTerminal, "reduceOnlyCanceled", now);
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
                orders.Finish(order, OrderState.Canceled, "canceled", now);
                result = OrderResult.Filled(order.OrderId, order.Cloid, filled, average);
            }
        }
        else
        {
            orders.Rest(ledger, book, order);
            bookChanged = true;
            result = new OrderResult(OrderResultKind.Resting, order.OrderId, order.Cloid, filled, average, RejectReason.None, null);
        }

        if (bookChanged && !modify)
        {
            markets.Publish(book, now);
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

        if (request.Tif != TimeInForce.Ioc && ledger.OpenOrders.Count >= options.OpenOrderLimit)
        {
            return Reject(RejectReason.TooManyOpenOrders, VenueErrors.TooManyOpenOrders);
        }

        if (!request.ReduceOnly)
        {
            var adding = SimAccounts.AddingSize(position, request.Side, request.Size);
            var required = adding * request.Price / accounts.LeverageOf(ledger, spec);
            if (required > 0m && required > accounts.State(ledger).Withdrawable)
            {
                return Reject(RejectReason.InsufficientMargin, VenueErrors.InsufficientMargin);
            }
        }

        return null;
    }

    /// <summary>
    /// Replaces a resting order (by oid, else by cloid) with a post-only one; if the new order is refused, the old one
    /// stays where it was. The book is published once the replacement is done.
    /// </summary>
    public OrderResult Modify(AccountLedger ledger, CoinBook book, ModifyRequest modify, long now)
    {
        var request = modify.Order;
        var target = SimOrders.FindOpen(ledger, modify.OrderId, modify.TargetCloid);
        if (target is null || target.Coin != request.Coin)
        {
            return OrderResult.Rejected(RejectReason.OrderNotFound, VenueErrors.WithAsset(VenueErrors.MissingOrder, book.Spec.AssetId), request.Cloid);
        }

        var index = book.Remove(target);
        ledger.OpenOrders.Remove(target.OrderId.Value);
        var result = Place(ledger, book, request with { Tif = TimeInForce.Alo }, now, modify: true);
        if (!result.IsAccepted)
        {
            book.Reinsert(target, index);
            ledger.OpenOrders[target.OrderId.Value] = target;
            return result;
        }

        orders.Finish(target, OrderState.Canceled, "canceled", now);
        markets.Publish(book, now);
        return result;
    }

    /// <summary>Cancels a resting order of the account by oid, else by cloid.</summary>
    public CancelResult Cancel(AccountLedger ledger, CoinBook book, OrderId? orderId, Cloid? cloid, long now)
    {
        var order = SimOrders.FindOpen(ledger, orderId, cloid);
        if (order is null || order.Coin != book.Spec.Coin)
        {
            return CancelResult.Failed(RejectReason.OrderNotFound, VenueErrors.WithAsset(VenueErrors.MissingOrder, book.Spec.AssetId));
        }

        orders.RemoveResting(book, order, OrderState.Canceled, "canceled", now);
        markets.Publish(book, now);
        return CancelResult.Ok;
    }
}
