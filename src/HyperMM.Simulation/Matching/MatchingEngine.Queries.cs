using HyperMM.Core.Instruments;
using HyperMM.Core.Market;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;

namespace HyperMM.Simulation.Matching;

public sealed partial class MatchingEngine
{
    /// <summary>The merged (outside + accounts) L2 book of a coin.</summary>
    public OrderBookSnapshot GetBook(Coin coin)
    {
        lock (_gate)
        {
            return Book(coin).Snapshot(Options.BookDepth, NowMs);
        }
    }

    /// <summary>Best bid and ask of the merged book (0 where a side is empty).</summary>
    public TopOfBook GetTopOfBook(Coin coin)
    {
        lock (_gate)
        {
            var book = Book(coin);
            return new TopOfBook(book.Best(Side.Buy), 0m, book.Best(Side.Sell), 0m);
        }
    }

    /// <summary>Mid of the merged book, else the last trade price, else 0.</summary>
    public decimal GetMarkPrice(Coin coin)
    {
        lock (_gate)
        {
            return Book(coin).Mark();
        }
    }

    public IReadOnlyList<OpenOrder> GetOpenOrders(Address account)
    {
        lock (_gate)
        {
            FireScheduledCancels(NowMs);
            return _accounts.TryGetValue(account, out var ledger)
                ? [.. ledger.OpenOrders.Values.OrderBy(o => o.OrderId.Value).Select(o => o.ToOpenOrder())]
                : [];
        }
    }

    /// <summary>The status of an order of <paramref name="account"/> by oid, or null when the venue never saw it.</summary>
    public OrderUpdate? GetOrder(Address account, OrderId orderId)
    {
        lock (_gate)
        {
            FireScheduledCancels(NowMs);
            return _orders.TryGetValue(orderId.Value, out var order) && order.Account == account ? order.ToUpdate() : null;
        }
    }

    /// <summary>The status of the latest order of <paramref name="account"/> with this cloid, or null.</summary>
    public OrderUpdate? GetOrder(Address account, Cloid cloid)
    {
        lock (_gate)
        {
            FireScheduledCancels(NowMs);
            return _accounts.TryGetValue(account, out var ledger) && ledger.ByCloid.TryGetValue(cloid, out var order)
                ? order.ToUpdate()
                : null;
        }
    }

    /// <summary>Fills of an account with time ≥ <paramref name="sinceMs"/>, oldest first.</summary>
    public IReadOnlyList<Fill> GetFills(Address account, long sinceMs = 0)
    {
        lock (_gate)
        {
            return _accounts.TryGetValue(account, out var ledger)
                ? [.. ledger.Fills.Where(f => f.TimeMs >= sinceMs)]
                : [];
        }
    }

    public SimAccountState GetAccount(Address account)
    {
        lock (_gate)
        {
            FireScheduledCancels(NowMs);
            return State(Ledger(account));
        }
    }

    /// <summary>The account's position on one coin (a zero position when it never traded it).</summary>
    public SimPosition GetPosition(Address account, Coin coin)
    {
        lock (_gate)
        {
            var ledger = Ledger(account);
            var book = Book(coin);
            return PositionView(ledger, book, ledger.Position(coin));
        }
    }

    private CoinBook Book(Coin coin) =>
        _books.TryGetValue(coin, out var book) ? book : throw new ArgumentException($"Unknown coin {coin}.", nameof(coin));

    private SimAccountState State(AccountLedger ledger)
    {
        var positions = new List<SimPosition>();
        var balance = ledger.Deposits;
        var unrealized = 0m;
        var margin = 0m;
        foreach (var (coin, position) in ledger.Positions)
        {
            var view = PositionView(ledger, _books[coin], position);
            positions.Add(view);
            balance += position.RealizedPnl - position.FeesPaid;
            unrealized += view.UnrealizedPnl;
            margin += view.MarginUsed;
        }

        var orderMargin = OrderMargin(ledger);
        var value = balance + unrealized;
        return new SimAccountState(ledger.Address, balance, value, margin, orderMargin, Math.Max(0m, value - margin - orderMargin), ledger.CumulativeVolumeUsd, positions);
    }

    private SimPosition PositionView(AccountLedger ledger, CoinBook book, PositionState position)
    {
        var mark = book.Mark();
        if (mark == 0m)
        {
            mark = position.EntryPrice;
        }

        var leverage = LeverageOf(ledger, book.Spec);
        return new SimPosition(book.Spec.Coin, position.Size, position.EntryPrice, mark, position.RealizedPnl,
            position.UnrealizedPnl(mark), position.FeesPaid, leverage, Math.Abs(position.Size) * mark / leverage, !ledger.IsIsolated(book.Spec.Coin));
    }

    /// <summary>Margin reserved by open orders: each order's part that would add exposure, at its price, over leverage.</summary>
    private decimal OrderMargin(AccountLedger ledger)
    {
        var total = 0m;
        foreach (var order in ledger.OpenOrders.Values)
        {
            if (!order.ReduceOnly)
            {
                total += AddingSize(ledger.SizeOf(order.Coin), order.Side, order.Remaining) * order.Price / LeverageOf(ledger, _books[order.Coin].Spec);
            }
        }

        return total;
    }

    /// <summary>The part of an order of <paramref name="size"/> that increases |position| (the rest closes it).</summary>
    private static decimal AddingSize(decimal position, Side side, decimal size)
    {
        var closable = side == Side.Buy ? Math.Max(0m, -position) : Math.Max(0m, position);
        return Math.Max(0m, size - closable);
    }
}
