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
        Volatility = new VolatilityEstimator(parameters.Volatility);
        StartMs = startMs;
        _lastAdvanceMs = startMs;
        LastFillMs = startMs;
    }

    public StrategyParameters Parameters { get; }

    public InstrumentSpec Instrument { get; }

    public CloidFactory Cloids { get; }

    public VolatilityEstimator Volatility { get; }

    public PositionLedger Ledger { get; } = new();

    public OrderTracker Orders { get; } = new();

    public StrategyStats Stats { get; } = new();

    public TopOfBook Top { get; private set; }

    public long StartMs { get; }

    /// <summary>Local time the last book arrived (0: never).</summary>
    public long LastBookReceivedMs { get; private set; }

    /// <summary>Local time of the last new fill, or the start time before the first one.</summary>
    public long LastFillMs { get; private set; }

    /// <summary>Venue time of the newest fill seen (0: none).</summary>
    public long LastFillVenueMs { get; private set; }

    public QuoteResult? LastQuote { get; private set; }

    public string? HaltReason { get; private set; }

    public string? LastError { get; set; }

    /// <summary>True while the push stream is down and a REST resync is owed.</summary>
    public bool AwaitingResync { get; set; }

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

        Stats.ElapsedMs += dt;
        Stats.AbsPositionTimeIntegral += Math.Abs(Ledger.Position) * dt;
        Stats.PositionTimeIntegral += Ledger.Position * dt;
        if (PressureStage(_lastAdvanceMs) > 0)
        {
            Stats.FillPressureMs += dt;
        }

        _lastAdvanceMs = nowMs;
    }

    public void OnBook(OrderBookSnapshot book, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(book);
        if (book.Coin != Parameters.Coin)
        {
            return;
        }

        Top = book.Top;
        LastBookReceivedMs = nowMs;
        if (Top.IsTwoSided)
        {
            Volatility.Update(book.TimeMs, (double)Top.Mid);
        }
    }

    /// <summary>Venue time of the account snapshot adopted at start: fills up to it are already in the position.</summary>
    public long AdoptedAtMs { get; private set; } = long.MinValue;

    /// <summary>Adopts the venue's position at start: the ledger starts from it, older fills become history.</summary>
    public void AdoptAccount(AccountSnapshot account)
    {
        ArgumentNullException.ThrowIfNull(account);
        Ledger.Reset(account.Position, account.EntryPrice);
        AdoptedAtMs = account.TimeMs;
        Stats.MaxAbsPosition = Math.Max(Stats.MaxAbsPosition, Math.Abs(account.Position));
    }

    /// <summary>Applies a fill once (by tid); see <see cref="FillOutcome"/>.</summary>
    public FillOutcome OnFill(Fill fill, long nowMs)
    {
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
        if (fill.TimeMs <= AdoptedAtMs)
        {
            return FillOutcome.Historical;
        }

        Advance(nowMs);
        Ledger.Apply(fill.Side, fill.Price, fill.Size, fill.Fee);
        Stats.Fills++;
        if (!fill.Crossed)
        {
            Stats.MakerFills++;
        }

        var mid = Mid;
        if (mid > 0m)
        {
            Stats.SpreadCaptureUsd += fill.Side == Side.Buy ? (mid - fill.Price) * fill.Size : (fill.Price - mid) * fill.Size;
        }

        Stats.MaxAbsPosition = Math.Max(Stats.MaxAbsPosition, Math.Abs(Ledger.Position));
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
    public int PressureStage(long nowMs) =>
        FillPressure.Stage((nowMs - LastFillMs) / 1000.0, Parameters.TargetFillSeconds, Parameters.FillPressure);

    public QuoteResult ComputeQuote(long nowMs)
    {
        // Orders not planned over (pending, ambiguous) may still be on the book: they count against the caps.
        var restingBid = 0m;
        var restingAsk = 0m;
        foreach (var order in Orders.All)
        {
            if (order.State != ManagedOrderState.Resting)
            {
                if (order.Side == Side.Buy)
                {
                    restingBid += order.Remaining;
                }
                else
                {
                    restingAsk += order.Remaining;
                }
            }
        }

        var inputs = new QuoteInputs(Top, Ledger.Position, restingBid, restingAsk, Volatility.Sigma2Horizon, PressureStage(nowMs));
        var quote = QuoteEngine.Compute(inputs, Parameters, Instrument);
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

        if (LastBookReceivedMs == 0 || !Top.IsTwoSided)
        {
            return StrategyMode.Starting;
        }

        return nowMs - LastBookReceivedMs > Parameters.StaleBookSeconds * 1000.0 ? StrategyMode.StaleData : null;
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
    public RequotePlan PlanRequote(long nowMs, out QuoteResult quote)
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
                Stats.Rejections++;
                Stats.RejectionsByReason[result.Reason] = Stats.RejectionsByReason.GetValueOrDefault(result.Reason) + 1;
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

    /// <summary>Checks the loss and notional limits at the current mid; trips the halt once.</summary>
    public bool CheckRisk()
    {
        if (IsHalted || !Top.IsTwoSided)
        {
            return IsHalted;
        }

        var mid = Top.Mid;
        var pnl = Ledger.NetPnl(mid);
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
        Stats.Fills,
        Ledger.Volume,
        Ledger.RealizedPnl,
        Top.IsTwoSided ? Ledger.UnrealizedPnl(Top.Mid) : 0m,
        Ledger.Fees,
        Stats.RequestsSent,
        HaltReason ?? LastError);
}
