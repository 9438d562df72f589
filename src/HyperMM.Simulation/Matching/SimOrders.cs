using HyperMM.Core.Instruments;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;

namespace HyperMM.Simulation.Matching;

/// <summary>
/// Every order the engine ever accepted, by oid (the venue answers status queries for finished ones too), the next
/// oid, and each order's life: created, resting on its book and in its account's open orders, finished (the sink
/// hears every change).
/// </summary>
internal sealed class SimOrders(SimAccounts accounts, IMatchingEventSink sink, long firstOrderId)
{
    private readonly Dictionary<long, SimOrder> _orders = [];
    private long _nextOrderId = firstOrderId;

    /// <summary>A new order with the next oid, known by oid and (for its account) by cloid; not resting yet.</summary>
    public SimOrder Create(AccountLedger ledger, InstrumentSpec spec, OrderRequest request, long now)
    {
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

        return order;
    }

    public bool TryGet(OrderId orderId, out SimOrder order) => _orders.TryGetValue(orderId.Value, out order!);

    /// <summary>An open order of the account by oid, else by cloid; null when there is none.</summary>
    public static SimOrder? FindOpen(AccountLedger ledger, OrderId? orderId, Cloid? cloid)
    {
        if (orderId is { } oid)
        {
            return ledger.OpenOrders.GetValueOrDefault(oid.Value);
        }

        return cloid is { } c && ledger.ByCloid.TryGetValue(c, out var order) && order.State == OrderState.Open ? order : null;
    }

    /// <summary>Puts the order on its book behind what the outside market shows at its price, and tells the sink it rests.</summary>
    public void Rest(AccountLedger ledger, CoinBook book, SimOrder order)
    {
        order.QueueAhead = book.OutsideAvailableAt(order.Side, order.Price);
        book.Add(order);
        ledger.OpenOrders[order.OrderId.Value] = order;
        sink.OnOrderUpdate(ledger.Address, order.ToUpdate());
    }

    /// <summary>Takes a resting order off its book and its account's open orders, and finishes it.</summary>
    public void RemoveResting(CoinBook book, SimOrder order, OrderState state, string status, long now)
    {
        book.Remove(order);
        accounts[order.Account].OpenOrders.Remove(order.OrderId.Value);
        Finish(order, state, status, now);
    }

    public void Finish(SimOrder order, OrderState state, string status, long now)
    {
        order.State = state;
        order.Status = status;
        order.StatusTimeMs = now;
        sink.OnOrderUpdate(order.Account, order.ToUpdate());
    }
}
