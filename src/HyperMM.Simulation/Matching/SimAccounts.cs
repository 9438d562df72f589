using HyperMM.Core.Instruments;
using HyperMM.Core.Primitives;

namespace HyperMM.Simulation.Matching;

/// <summary>
/// The engine's accounts (created on first use) and what follows from their ledgers and the books' marks: leverage,
/// position views, margin held by positions and by open orders, the account state an <c>/info</c> query reads.
/// </summary>
internal sealed class SimAccounts(SimMarkets markets, MatchingEngineOptions options)
{
    private readonly Dictionary<Address, AccountLedger> _accounts = [];

    public IEnumerable<AccountLedger> All => _accounts.Values;

    /// <summary>The account's ledger, created empty on first use.</summary>
    public AccountLedger Ledger(Address account)
    {
        if (!_accounts.TryGetValue(account, out var ledger))
        {
            ledger = new AccountLedger(account);
            _accounts[account] = ledger;
        }

        return ledger;
    }

    /// <summary>The ledger of an account that has been seen (one that owns an order).</summary>
    public AccountLedger this[Address account] => _accounts[account];

    public bool TryGet(Address account, out AccountLedger ledger) => _accounts.TryGetValue(account, out ledger!);

    public int LeverageOf(AccountLedger ledger, InstrumentSpec spec) =>
        ledger.Leverage.TryGetValue(spec.Coin, out var leverage) ? leverage : Math.Min(options.DefaultLeverage, spec.MaxLeverage);

    public SimAccountState State(AccountLedger ledger)
    {
        var positions = new List<SimPosition>();
        var balance = ledger.Deposits;
        var unrealized = 0m;
        var margin = 0m;
        foreach (var (coin, position) in ledger.Positions)
        {
            var view = PositionView(ledger, markets[coin], position);
            positions.Add(view);
            balance += position.RealizedPnl - position.FeesPaid;
            unrealized += view.UnrealizedPnl;
            margin += view.MarginUsed;
        }

        var orderMargin = OrderMargin(ledger);
        var value = balance + unrealized;
        return new SimAccountState(ledger.Address, balance, value, margin, orderMargin, Math.Max(0m, value - margin - orderMargin), ledger.CumulativeVolumeUsd, positions);
    }

    public SimPosition PositionView(AccountLedger ledger, CoinBook book, PositionState position)
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

    /// <summary>The part of an order of <paramref name="size"/> that increases |position| (the rest closes it).</summary>
    public static decimal AddingSize(decimal position, Side side, decimal size) => Math.Max(0m, size - ClosableSize(position, side));

    /// <summary>How much of a position an order on <paramref name="side"/> can close.</summary>
    public static decimal ClosableSize(decimal position, Side side) =>
        side == Side.Buy ? Math.Max(0m, -position) : Math.Max(0m, position);

    /// <summary>Margin reserved by open orders: each order's part that would add exposure, at its price, over leverage.</summary>
    private decimal OrderMargin(AccountLedger ledger)
    {
        var total = 0m;
        foreach (var order in ledger.OpenOrders.Values)
        {
            if (!order.ReduceOnly)
            {
                total += AddingSize(ledger.SizeOf(order.Coin), order.Side, order.Remaining) * order.Price / LeverageOf(ledger, markets[order.Coin].Spec);
            }
        }

        return total;
    }
}
