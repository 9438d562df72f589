namespace HyperMM.Core.Accounting;

/// <summary>
/// The one ledger: position, PnL and its attribution, markouts and inventory statistics of one strategy over one
/// window, in decimal. Every surface (console, journal report, dashboard, backtest) reads its figures from a
/// <see cref="TradeLedger"/>: live from the strategy's own, afterwards by replaying the journaled
/// <see cref="LedgerEntry"/> list into a new one.
/// <para>
/// Inputs, in the order they happen on the strategy's clock: marks (a new mid), fills (price, size, side, fee,
/// maker/taker, the last valid mid and whether it was stale) and adjustments (a position adopted without a fill).
/// A fill's mid is also a mark. Definitions, q = signed size (+buy, −sell), p = price, m = mid at the fill:
/// spread capture S = Σ q·(m − p); inventory PnL I = Σ position·(mid change) over every mid move; fees F = Σ fee.
/// Realised PnL uses average cost; unrealised = position·mark − cost of what is held. S + I = realised + unrealised
/// exactly (both equal the trading cash flow plus the position valued at the mark), so
/// <c>total = S + I − F = realised + unrealised − F</c>. An adjustment is booked like a fill at the mark (no spread,
/// no fee; at a given price when no mark exists yet, or, without one, at the first mid that arrives).
/// </para>
/// </summary>
public sealed class TradeLedger
{
    private const int CostDecimals = 18;

    private readonly MarkoutTracker[] _markouts;
    private decimal _openCost;
    private decimal _position;
    private decimal? _pendingPosition;
    private long _lastEventMs;
    private decimal _absPositionMs;

    public TradeLedger(long openedMs)
    {
        OpenedMs = openedMs;
        _lastEventMs = openedMs;
        _markouts = [.. MarkoutSeconds.Select(s => new MarkoutTracker(s))];
    }

    /// <summary>Markout horizons in seconds.</summary>
    public static IReadOnlyList<int> MarkoutSeconds { get; } = [1, 10, 60];

    /// <summary>Start of the window (the ledger is flat then).</summary>
    public long OpenedMs { get; }

    /// <summary>Sequence number of the last entry booked (0: none since the opening).</summary>
    public long Sequence { get; private set; }

    /// <summary>The position (one taken over before any price was known counts already; it is booked at the first mid).</summary>
    public decimal Position => _pendingPosition ?? _position;

    /// <summary>The current mid: the last mark, or the last fill's mid (0 before any).</summary>
    public decimal Mid { get; private set; }

    public decimal RealizedPnl { get; private set; }

    public decimal Fees { get; private set; }

    public decimal VolumeUsd { get; private set; }

    public decimal SpreadCapture { get; private set; }

    public decimal InventoryPnl { get; private set; }

    public long Fills { get; private set; }

    public long TakerFills { get; private set; }

    public long StaleMidFills { get; private set; }

    public long Adjustments { get; private set; }

    public decimal MaxAbsPosition { get; private set; }

    /// <summary>Average entry price of what is held (0 when flat).</summary>
    public decimal AverageEntryPrice => _position == 0m ? 0m : _openCost / _position;

    /// <summary>Position valued at the mid minus what it cost.</summary>
    public decimal UnrealizedPnl => _position == 0m ? 0m : (_position * Mid) - _openCost;

    /// <summary>Realised + unrealised − fees (= spread capture + inventory PnL − fees).</summary>
    public decimal TotalPnl => RealizedPnl + UnrealizedPnl - Fees;

    /// <summary>The entry that opens this ledger (sequence 0), for the journal.</summary>
    public LedgerEntry OpeningEntry => new(0, OpenedMs, LedgerEntryKind.Open, 0m, 0m);

    /// <summary>A new mid at <paramref name="timeMs"/>; returns the entry booked, or null when the mid did not change.</summary>
    public LedgerEntry? Mark(long timeMs, decimal mid)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(mid);
        if (mid == Mid)
        {
            return null;
        }

        var t = Advance(timeMs);
        MoveMid(t, mid);
        BookPending();
        return new LedgerEntry(++Sequence, t, LedgerEntryKind.Mark, mid, _position);
    }

    /// <summary>Books a fill (its mid first moves the mark).</summary>
    public LedgerEntry Apply(LedgerFill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fill.Size);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fill.Price);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fill.Mid);
        var t = Advance(fill.TimeMs);
        MoveMid(t, fill.Mid);
        BookPending();
        var q = fill.SignedSize;
        SpreadCapture += q * (fill.Mid - fill.Price);
        Fees += fill.Fee;
        VolumeUsd += fill.Price * fill.Size;
        Fills++;
        TakerFills += fill.Taker ? 1 : 0;
        StaleMidFills += fill.MidStale ? 1 : 0;
        Trade(q, fill.Price);
        foreach (var markout in _markouts)
        {
            markout.Add(t, q, fill.Price);
        }

        return new LedgerEntry(++Sequence, t, LedgerEntryKind.Fill, fill.Mid, _position, fill);
    }

    /// <summary>
    /// Takes over <paramref name="position"/> without a fill, at the current mid, or at <paramref name="priceWithoutMid"/>
    /// when no mid is known yet; with neither (price 0), at the first mid that arrives (the next mark or fill books it,
    /// and its entry carries the position). Returns the entry booked now, or null.
    /// </summary>
    public LedgerEntry? Adjust(long timeMs, decimal position, decimal priceWithoutMid)
    {
        if (position == Position)
        {
            return null;
        }

        var price = Mid > 0m ? Mid : priceWithoutMid;
        if (price <= 0m)
        {
            _pendingPosition = position;
            return null;
        }

        _pendingPosition = null;
        return AdjustAt(timeMs, position, price);
    }

    /// <summary>
    /// Books an entry of another ledger (replay from the journal or a backtest). An entry's position is the position
    /// after it: where the ledger's differs (a position taken over before any price was known, a position the fills
    /// do not explain), it is taken over at the entry's mid first, as the original ledger did.
    /// </summary>
    public void Replay(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        switch (entry.Kind)
        {
            case LedgerEntryKind.Mark:
                Mark(entry.TimeMs, entry.Mid);
                Reconcile(entry.TimeMs, entry.Position, entry.Mid);
                break;
            case LedgerEntryKind.Fill:
                var fill = entry.Fill ?? throw new ArgumentException("A fill entry carries its fill.", nameof(entry));
                Reconcile(fill.TimeMs, entry.Position - fill.SignedSize, fill.Mid);
                Apply(fill);
                break;
            case LedgerEntryKind.Adjust:
                Reconcile(entry.TimeMs, entry.Position, entry.Mid);
                break;
            default:
                break;
        }
    }

    /// <summary>The figures as of <paramref name="asOfMs"/> (the end of the window), with the loop's counters.</summary>
    public LedgerFigures Figures(long asOfMs, LedgerCounters? counters = null)
    {
        var t = Math.Max(asOfMs, _lastEventMs);
        return new LedgerFigures
        {
            Fills = Fills,
            TakerFills = TakerFills,
            StaleMidFills = StaleMidFills,
            Adjustments = Adjustments,
            VolumeUsd = VolumeUsd,
            Fees = Fees,
            SpreadCapture = SpreadCapture,
            InventoryPnl = InventoryPnl,
            RealizedPnl = RealizedPnl,
            UnrealizedPnl = UnrealizedPnl,
            Position = Position,
            Mark = Mid,
            Markouts = [.. _markouts.Select(m => m.Figure(t, Mid))],
            MaxAbsPosition = MaxAbsPosition,
            AbsPositionMs = _absPositionMs + (Math.Abs(_position) * (t - _lastEventMs)),
            WindowMs = t - OpenedMs,
            Counters = counters ?? LedgerCounters.None,
        };
    }

    private LedgerEntry AdjustAt(long timeMs, decimal position, decimal price)
    {
        var t = Advance(timeMs);
        MoveMid(t, price);
        Trade(position - _position, price);
        Adjustments++;
        return new LedgerEntry(++Sequence, t, LedgerEntryKind.Adjust, price, _position);
    }

    private void Reconcile(long timeMs, decimal position, decimal price)
    {
        _pendingPosition = null;
        if (position != _position)
        {
            AdjustAt(timeMs, position, price);
        }
    }

    /// <summary>Books a position taken over before any price was known, at the mid that has just arrived.</summary>
    private void BookPending()
    {
        if (_pendingPosition is { } position)
        {
            _pendingPosition = null;
            if (position != _position)
            {
                Trade(position - _position, Mid);
                Adjustments++;
            }
        }
    }

    /// <summary>Moves the clock (never backwards), integrating |position| and marking markouts due before it.</summary>
    private long Advance(long timeMs)
    {
        var t = Math.Max(timeMs, _lastEventMs);
        _absPositionMs += Math.Abs(_position) * (t - _lastEventMs);
        _lastEventMs = t;
        if (Mid > 0m)
        {
            foreach (var markout in _markouts)
            {
                markout.Resolve(t, inclusive: false, Mid);
            }
        }

        return t;
    }

    private void MoveMid(long t, decimal mid)
    {
        if (mid == Mid)
        {
            return;
        }

        if (Mid > 0m)
        {
            InventoryPnl += _position * (mid - Mid);
        }

        Mid = mid;
        foreach (var markout in _markouts)
        {
            markout.Resolve(t, inclusive: true, mid);
        }
    }

    /// <summary>Average-cost bookkeeping of a signed quantity at a price (cost basis kept as Σ q·p of what is held).</summary>
    private void Trade(decimal q, decimal price)
    {
        if (_position == 0m || Math.Sign(_position) == Math.Sign(q))
        {
            _openCost += q * price;
            _position += q;
        }
        else
        {
            var held = Math.Abs(_position);
            var closing = Math.Min(Math.Abs(q), held);
            // The cost taken out is rounded to 18 decimals, so every sum below stays exact in decimal's 28 digits and
            // the identity holds to the last digit (realised absorbs at most 1e-18 of rounding).
            var removed = closing == held ? _openCost : Math.Round(_openCost * closing / held, CostDecimals);
            RealizedPnl += (Math.Sign(_position) * closing * price) - removed;
            _openCost -= removed;
            var opening = Math.Abs(q) - closing;
            _position += q;
            if (_position == 0m)
            {
                _openCost = 0m;
            }
            else if (opening > 0m)
            {
                _openCost += Math.Sign(q) * opening * price;
            }
        }

        MaxAbsPosition = Math.Max(MaxAbsPosition, Math.Abs(_position));
    }
}
