using HyperMM.Core.Accounting;
using HyperMM.Core.Instruments;
using HyperMM.Core.Market;
using HyperMM.Core.Model;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;

namespace HyperMM.Core.Strategy;

/// <summary>
/// One strategy's state and decisions, single-threaded and free of I/O: books, fills and order answers go in;
/// quotes and requote plans come out. <see cref="StrategyRunner"/> drives it against an <see cref="IExchange"/>
/// (live, local exchange or backtest alike). Times are Unix milliseconds from the runner's <see cref="TimeProvider"/>.
/// </summary>
public sealed class MarketMaker
{
    private readonly HashSet<long> _seenTradeIds = [];
    private long _lastAdvanceMs;

    public MarketMaker(StrategyParameters parameters, InstrumentSpec instrument, CloidFactory cloids, long startMs)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(cloids);
        Parameters = parameters;
        Instrument = instrument;
        Cloids = cloids;
        Model = parameters.CreateModel(instrument);
        Volatility = new VolatilityEstimator(parameters.Volatility);
        StartMs = startMs;
        _lastAdvanceMs = startMs;
        LastFillMs = startMs;
        Ledger = new TradeLedger(startMs);
    }

    public StrategyParameters Parameters { get; }

    public InstrumentSpec Instrument { get; }

    public CloidFactory Cloids { get; }

    /// <summary>The strategy's quoting model (<see cref="StrategyParameters.Model"/>), built for its instrument.</summary>
    public IQuotingModel Model { get; }

    public VolatilityEstimator Volatility { get; }

    /// <summary>Rolling taker arrival by depth from the public trades (the models' <see cref="MarketStatistics.TradeArrival"/>).</summary>
    public TradeArrivalEstimator TradeArrival { get; } = new();

    /// <summary>Position, PnL and its attribution: the one ledger every surface reads.</summary>
    public TradeLedger Ledger { get; }

    public OrderTracker Orders { get; } = new();

    public StrategyStats Stats { get; } = new();

    /// <summary>The last valid (two-sided, not locked or crossed) top of book; default before the first.</summary>
    public TopOfBook Top { get; private set; }

    /// <summary>The last valid book (its L2 levels), or null before the first.</summary>
    public OrderBookSnapshot? Book { get; private set; }

    public long StartMs { get; }

    /// <summary>Local time the last book arrived, valid or not (0: never).</summary>
    public long LastBookReceivedMs { get; private set; }

    /// <summary>Local time the last valid book arrived (0: never).</summary>
    public long LastValidBookMs { get; private set; }

    /// <summary>False while the newest book is locked, crossed or one-sided.</summary>
    public bool LastBookValid { get; private set; } = true;

    /// <summary>Local time of the last new fill; before the first one, of the first valid book (or the start before that).</summary>
    public long LastFillMs { get; private set; }

    /// <summary>Venue time of the newest fill seen (0: none).</summary>
    public long LastFillVenueMs { get; private set; }

    public ModelQuote? LastQuote { get; private set; }

    public string? HaltReason { get; private set; }

    public string? LastError { get; set; }

    /// <summary>True while the push stream is down and a REST resync is owed.</summary>
    public bool AwaitingResync { get; set; }

    /// <summary>The last valid mid (0 before the first valid book).</summary>
    public decimal Mid => Top.IsTwoSided ? Top.Mid : 0m;

    public bool IsHalted => HaltReason is not null;

    /// <summary>Integrates time-weighted statistics up to <paramref name="nowMs"/>.</summary>
    public void Advance(long nowMs)
    {
        var dt = nowMs - _lastAdvanceMs;
        if (dt <= 0)
        {
            return;
        }

        if (PressureStage(_lastAdvanceMs) > 0)
        {
            Stats.FillPressureMs += dt;
        }

        _lastAdvanceMs = nowMs;
    }

    /// <summary>
    /// A new book. A valid one becomes the top the strategy quotes from and marks the ledger (the entry booked is
    /// returned, null when the mid did not move); a locked, crossed or one-sided one is counted and otherwise ignored:
    /// the last valid top and mid stay, and staleness runs from the last valid book.
    /// </summary>
    public LedgerEntry? OnBook(OrderBookSnapshot book, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(book);
        if (book.Coin != Parameters.Coin)
        {
            return null;
        }

        LastBookReceivedMs = nowMs;
        var top = book.Top;
        LastBookValid = top.IsTwoSided;
        if (!LastBookValid)
        {
            Stats.InvalidBooks++;
            return null;
        }

        if (LastValidBookMs == 0)
        {
            // The fill-pressure clock starts when the strategy can first quote, not while it was still connecting.
            LastFillMs = Math.Max(LastFillMs, nowMs);
        }

        Top = top;
        Book = book;
        LastValidBookMs = nowMs;
        Volatility.Update(book.TimeMs, (double)top.Mid);
        return Ledger.Mark(nowMs, top.Mid);
    }

    /// <summary>Public trade prints: each feeds the trade-arrival statistics, measured from the last valid mid.</summary>
    public void OnTrades(IReadOnlyList<Trade> trades)
    {
        ArgumentNullException.ThrowIfNull(trades);
        foreach (var trade in trades)
        {
            if (trade.Coin == Parameters.Coin)
            {
                TradeArrival.OnTrade(trade, Mid);
            }
        }
    }

    /// <summary>
    /// The mid a fill at <paramref name="nowMs"/> is booked at: the last valid mid, stale when the newest book is not
    /// valid or the last valid one is older than stale_book_seconds; before any valid book, <paramref name="price"/> (stale).
    /// </summary>
    public (decimal Mid, bool Stale) MidAtFill(long nowMs, decimal price) =>
        LastValidBookMs == 0
            ? (price, true)
            : (Top.Mid, !LastBookValid || nowMs - LastValidBookMs > Parameters.StaleBookSeconds * 1000.0);

    /// <summary>Venue time of the account snapshot adopted at start: fills up to it are already in the position.</summary>
    public long AdoptedAtMs { get; private set; } = long.MinValue;

    /// <summary>Adopts the venue's position at start: the ledger starts from it, older fills become history.</summary>
    public LedgerEntry? AdoptAccount(AccountSnapshot account, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(account);
        AdoptedAtMs = account.TimeMs;
        return AdoptPosition(account.Position, account.EntryPrice, nowMs);
    }

    /// <summary>
    /// Takes the venue's position as ours (start, resync, position check): booked in the ledger as an adjustment at
    /// the last valid mid, or at the venue's entry price before any valid book (without either, at the first mid that
    /// arrives). Returns the entry booked now, if any.
    /// </summary>
    public LedgerEntry? AdoptPosition(decimal position, decimal entryPrice, long nowMs) =>
        Ledger.Adjust(nowMs, position, entryPrice > 0m ? entryPrice : Mid);

    /// <summary>Applies a fill once (by tid); see <see cref="FillOutcome"/>.</summary>
    public FillOutcome OnFill(Fill fill, long nowMs) => OnFill(fill, nowMs, out _);

    /// <summary>Applies a fill once (by tid); <paramref name="booking"/> says how (null when ignored).</summary>
    public FillOutcome OnFill(Fill fill, long nowMs, out FillBooking? booking)
    {
        booking = null;
        ArgumentNullException.ThrowIfNull(fill);
        if (fill.Coin != Parameters.Coin)
        {
            return FillOutcome.OtherCoin;
        }

        if (!_seenTradeIds.Add(fill.TradeId))
        {
            return FillOutcome.Duplicate;
        }

        LastFillVenueMs = Math.Max(LastFillVenueMs, fill.TimeMs);
        var (mid, stale) = MidAtFill(nowMs, fill.Price);
        if (fill.TimeMs <= AdoptedAtMs)
        {
            booking = new FillBooking(true, Ledger.Position, mid, stale, 0, nowMs);
            return FillOutcome.Historical;
        }

        Advance(nowMs);
        var entry = Ledger.Apply(new FillBooking(false, 0m, mid, stale, 0, nowMs).LedgerFill(fill));
        booking = new FillBooking(false, entry.Position, mid, stale, entry.Sequence, entry.TimeMs);
        LastFillMs = Math.Max(LastFillMs, nowMs);

        var order = Orders.Find(fill.Cloid, fill.OrderId);
        if (order is not null)
        {
            order.Remaining -= fill.Size;
            if (order.Remaining <= 0m)
            {
                Orders.Remove(order);
            }
        }

        return FillOutcome.Applied;
    }

    /// <summary>Marks a fill id as already applied (fills adopted from the journal or the venue at start).</summary>
    public void MarkFillSeen(long tradeId) => _seenTradeIds.Add(tradeId);

    public bool HasSeenFill(long tradeId) => _seenTradeIds.Contains(tradeId);

    public void OnOrderUpdate(OrderUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var order = Orders.Find(update.Order.Cloid, update.Order.OrderId);
        if (order is null)
        {
            return;
        }

        if (update.State == OrderState.Open)
        {
            if (order.OrderId is null)
            {
                Orders.SetOrderId(order, update.Order.OrderId);
            }

            order.State = ManagedOrderState.Resting;
            order.Remaining = Math.Min(order.Remaining, update.Order.Size);
        }
        else
        {
            Orders.Remove(order);
        }
    }

    /// <summary>Fill-pressure stage at <paramref name="nowMs"/>: from time since the last fill (or start).</summary>
    public int PressureStage(long nowMs) => Model.PressureStage(SecondsWithoutFill(nowMs));

    /// <summary>Seconds since the last fill (before the first: since the first valid book, or the start).</summary>
    public double SecondsWithoutFill(long nowMs) => (nowMs - LastFillMs) / 1000.0;

    public ModelQuote ComputeQuote(long nowMs)
    {
        // Orders not planned over (pending, unclear) may still be on the book: they count against the caps.
        var unsettledBid = 0m;
        var unsettledAsk = 0m;
        foreach (var order in Orders.All)
        {
            if (order.State != ManagedOrderState.Resting)
            {
                if (order.Side == Side.Buy)
                {
                    unsettledBid += order.Remaining;
                }
                else
                {
                    unsettledAsk += order.Remaining;
                }
            }
        }

        var spreadBps = Top.IsTwoSided ? (double)((Top.AskPrice - Top.BidPrice) / Top.Mid) * Bps.PerUnit : 0.0;
        TradeArrival.Advance(nowMs, spreadBps);
        var market = new MarketStatistics(Volatility.Sigma2Horizon, Volatility.VariancePerSecond, TradeArrival);
        var context = new QuoteContext(Top, Book, Ledger.Position, unsettledBid, unsettledAsk, market, SecondsWithoutFill(nowMs), nowMs);
        var quote = Model.Quote(context);
        LastQuote = quote;
        Stats.QuotesComputed++;
        return quote;
    }

    /// <summary>Why quoting is suspended right now, or null when the strategy may quote.</summary>
    public StrategyMode? SuspendedMode(long nowMs)
    {
        if (IsHalted)
        {
            return StrategyMode.Halted;
        }

        if (AwaitingResync)
        {
            return StrategyMode.Resyncing;
        }

        // Starting only until the first valid book; after that an invalid book keeps the last valid one, and only
        // its age (no valid book for stale_book_seconds) pulls the quotes.
        if (LastValidBookMs == 0)
        {
            return StrategyMode.Starting;
        }

        return nowMs - LastValidBookMs > Parameters.StaleBookSeconds * 1000.0 ? StrategyMode.StaleData : null;
    }

    public StrategyMode Mode(long nowMs) =>
        SuspendedMode(nowMs) ?? (PressureStage(nowMs) > 0 ? StrategyMode.FillPressure : StrategyMode.Quoting);

    /// <summary>A plan that cancels every live order (stale data, halt, shutdown).</summary>
    public RequotePlan PullPlan()
    {
        var plan = new RequotePlan();
        foreach (var order in Orders.All)
        {
            if (order.State == ManagedOrderState.Resting)
            {
                plan.Cancels.Add(order);
            }
        }

        return plan;
    }

    /// <summary>The next requote: the quote and what to send for it (only over orders known to rest).</summary>
    public RequotePlan PlanRequote(long nowMs, out ModelQuote quote)
    {
        quote = ComputeQuote(nowMs);
        var resting = new List<ManagedOrder>(Orders.Count);
        foreach (var order in Orders.All)
        {
            if (order.State == ManagedOrderState.Resting)
            {
                resting.Add(order);
            }
        }

        return RequotePlanner.Plan(quote, resting, Parameters, Cloids.Next);
    }

    /// <summary>Registers an order about to be sent, so a fill that overtakes the answer still finds it.</summary>
    public ManagedOrder TrackPending(OrderRequest request, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cloid = request.Cloid ?? throw new ArgumentException("Strategy orders always carry a cloid.", nameof(request));
        var order = new ManagedOrder(cloid, request.Side, request.Price, request.Size, request.Tif, request.ReduceOnly, nowMs)
        {
            State = ManagedOrderState.Pending,
        };
        Orders.Add(order);
        return order;
    }

    public void ApplyPlaceResult(ManagedOrder order, OrderResult result)
    {
        ArgumentNullException.ThrowIfNull(order);
        switch (result.Kind)
        {
            case OrderResultKind.Resting:
                Orders.SetOrderId(order, result.OrderId);
                order.State = ManagedOrderState.Resting;
                if (order.Remaining <= 0m)
                {
                    Orders.Remove(order);
                }

                break;
            case OrderResultKind.Filled:
                Orders.Remove(order);
                break;
            default:
                Stats.CountRejection(result.Reason);
                if (result.Reason.IsAmbiguous())
                {
                    order.State = ManagedOrderState.Ambiguous;
                }
                else
                {
                    Orders.Remove(order);
                }

                break;
        }
    }

    public void ApplyCancelResult(ManagedOrder order, CancelResult result)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (result.OrderGone)
        {
            Orders.Remove(order);
        }
        else if (result.Reason.IsAmbiguous())
        {
            order.State = ManagedOrderState.Ambiguous;
        }
    }

    /// <summary>Adopts the venue's answer for an order whose fate was unknown.</summary>
    public void ApplyLookup(ManagedOrder order, OrderLookup lookup)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(lookup);
        if (lookup.State == OrderState.Open && lookup.Order is { } open)
        {
            if (order.OrderId is null)
            {
                Orders.SetOrderId(order, open.OrderId);
            }

            order.Remaining = open.Size;
            order.State = ManagedOrderState.Resting;
        }
        else
        {
            Orders.Remove(order);
        }
    }

    /// <summary>Halts the strategy for a reason found outside the risk limits (the first reason stays).</summary>
    public void Halt(string reason) => HaltReason ??= reason;

    /// <summary>Checks the loss and notional limits at the current mid; trips the halt once.</summary>
    public bool CheckRisk()
    {
        if (IsHalted || !Top.IsTwoSided)
        {
            return IsHalted;
        }

        var mid = Top.Mid;
        var pnl = Ledger.TotalPnl;
        if (pnl < -Parameters.MaxLossUsd)
        {
            HaltReason = FormattableString.Invariant($"loss limit: net PnL {pnl:0.##} USD below -{Parameters.MaxLossUsd} USD");
        }
        else if (Math.Abs(Ledger.Position) * mid > Parameters.MaxNotionalUsd)
        {
            HaltReason = FormattableString.Invariant($"notional limit: |position| × mid = {Math.Abs(Ledger.Position) * mid:0.##} USD above {Parameters.MaxNotionalUsd} USD");
        }

        return IsHalted;
    }

    /// <summary>The ledger's figures as of <paramref name="nowMs"/>, with the loop's counters.</summary>
    public LedgerFigures Figures(long nowMs) => Ledger.Figures(nowMs, Stats.ToCounters());

    public StrategyStatus Snapshot(long nowMs) => new(
        Parameters.Name,
        Parameters.Coin.Name,
        nowMs,
        Mode(nowMs),
        LastQuote,
        Ledger.Position,
        Parameters.MaxAbsPosition,
        Orders.OpenSize(Side.Buy),
        Orders.OpenSize(Side.Sell),
        Figures(nowMs),
        HaltReason ?? LastError);
}
