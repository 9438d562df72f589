using HyperMM.Core.Instruments;
using HyperMM.Core.Market;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;

namespace HyperMM.Simulation.Matching;

/// <summary>
/// A venue-like matching engine for several accounts and one or more perps: price-time priority, Alo/Gtc/Ioc,
/// reduce-only, partial fills, positions and PnL, maker/taker fees, margin under leverage, the venue's price/size
/// rules and error texts. Outside liquidity (a replayed or synthetic market) joins through
/// <see cref="ApplyOutsideBook"/> and <see cref="ApplyOutsideTrade"/>. Thread-safe: every public member takes one lock.
/// Time comes only from the <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class MatchingEngine
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Coin, CoinBook> _books = [];
    private readonly Dictionary<Address, AccountLedger> _accounts = [];
    private readonly Dictionary<long, SimOrder> _orders = [];
    private readonly TimeProvider _time;
    private readonly IMatchingEventSink _sink;
    private long _nextOrderId;
    private long _nextTradeId;

    public MatchingEngine(IEnumerable<InstrumentSpec> instruments, MatchingEngineOptions? options = null, IMatchingEventSink? sink = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        Options = options ?? new MatchingEngineOptions();
        _sink = sink ?? NullMatchingEventSink.Instance;
        _time = time ?? TimeProvider.System;
        foreach (var spec in instruments)
        {
            _books.Add(spec.Coin, new CoinBook(spec));
        }

        _nextOrderId = Options.FirstOrderId;
        _nextTradeId = Options.FirstTradeId;
    }

    public MatchingEngineOptions Options { get; }

    public IReadOnlyList<InstrumentSpec> Instruments => [.. _books.Values.Select(b => b.Spec)];

    public bool TryGetInstrument(Coin coin, out InstrumentSpec spec)
    {
        var found = _books.TryGetValue(coin, out var book);
        spec = book?.Spec!;
        return found;
    }

    /// <summary>Credits USDC to an account (creating it); a negative amount withdraws.</summary>
    public void Deposit(Address account, decimal usdc)
    {
        lock (_gate)
        {
            Ledger(account).Deposits += usdc;
        }
    }

    /// <summary>
    /// Sets the leverage and margin mode (cross, or isolated when <paramref name="isCross"/> is false) of a coin for
    /// an account, as <c>updateLeverage</c> does. Null when done; else the venue's error text: leverage outside
    /// 1..max leverage or an unknown coin, or a cross ⇄ isolated switch while a position is open. Both modes use
    /// the same initial-margin check here; isolated is what the account reads back.
    /// </summary>
    public string? SetLeverage(Address account, Coin coin, int leverage, bool isCross = true)
    {
        lock (_gate)
        {
            if (!_books.TryGetValue(coin, out var book) || leverage < 1 || leverage > book.Spec.MaxLeverage)
            {
                return VenueErrors.InvalidLeverage;
            }

            var ledger = Ledger(account);
            if (ledger.IsIsolated(coin) == isCross && ledger.SizeOf(coin) != 0m)
            {
                return VenueErrors.LeverageTypeSwitch;
            }

            ledger.Leverage[coin] = leverage;
            if (isCross)
            {
                ledger.Isolated.Remove(coin);
            }
            else
            {
                ledger.Isolated.Add(coin);
            }

            return null;
        }
    }

    /// <summary>Runs due timers (scheduled cancels). Call it when time advances without other calls.</summary>
    public void AdvanceTime()
    {
        lock (_gate)
        {
            FireScheduledCancels(NowMs);
        }
    }

    private long NowMs => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private AccountLedger Ledger(Address account)
    {
        if (!_accounts.TryGetValue(account, out var ledger))
        {
            ledger = new AccountLedger(account);
            _accounts[account] = ledger;
        }

        return ledger;
    }

    private int LeverageOf(AccountLedger ledger, InstrumentSpec spec) =>
        ledger.Leverage.TryGetValue(spec.Coin, out var leverage) ? leverage : Math.Min(Options.DefaultLeverage, spec.MaxLeverage);

    private void PublishBook(CoinBook book, long nowMs)
    {
        if (Options.PublishBooks)
        {
            _sink.OnBook(book.Snapshot(Options.BookDepth, nowMs));
        }
    }
}
