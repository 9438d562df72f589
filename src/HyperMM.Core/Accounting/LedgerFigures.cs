namespace HyperMM.Core.Accounting;

/// <summary>
/// Every figure of one ledger window (a run, a backtest segment, or several of them combined), as of a time. Money in
/// USD (decimal). The attribution identity holds exactly:
/// <c>SpreadCapture + InventoryPnl − Fees = TotalPnl = RealizedPnl + UnrealizedPnl − Fees</c>.
/// Definitions: docs/OPERATIONS.md, "Figures".
/// </summary>
public sealed record LedgerFigures
{
    public long Fills { get; init; }

    public long TakerFills { get; init; }

    /// <summary>Fills booked at a stale mid (the book at the fill was invalid or older than stale_book_seconds).</summary>
    public long StaleMidFills { get; init; }

    /// <summary>Positions taken over without a fill (venue's position adopted).</summary>
    public long Adjustments { get; init; }

    public decimal VolumeUsd { get; init; }

    public decimal Fees { get; init; }

    public decimal SpreadCapture { get; init; }

    public decimal InventoryPnl { get; init; }

    public decimal RealizedPnl { get; init; }

    public decimal UnrealizedPnl { get; init; }

    public decimal TotalPnl => SpreadCapture + InventoryPnl - Fees;

    public decimal Position { get; init; }

    /// <summary>The mid the position is marked at (the last valid mid; 0 before any).</summary>
    public decimal Mark { get; init; }

    public IReadOnlyList<MarkoutFigure> Markouts { get; init; } = [];

    public decimal MaxAbsPosition { get; init; }

    /// <summary>∫|position| dt over the window, coin·ms.</summary>
    public decimal AbsPositionMs { get; init; }

    public long WindowMs { get; init; }

    public LedgerCounters Counters { get; init; } = LedgerCounters.None;

    public decimal TimeWeightedAbsPosition => WindowMs <= 0 ? Math.Abs(Position) : AbsPositionMs / WindowMs;

    public double FillsPerHour => WindowMs <= 0 ? 0 : Fills / (WindowMs / 3_600_000.0);

    public double FillsPerOrder => Counters.OrdersPlaced == 0 ? 0 : (double)Fills / Counters.OrdersPlaced;

    public double FillPressureFraction => WindowMs <= 0 ? 0 : Math.Min(1.0, (double)Counters.FillPressureMs / WindowMs);

    /// <summary>Spread capture per traded notional, bps.</summary>
    public decimal? SpreadCaptureBps => VolumeUsd == 0m ? null : SpreadCapture / VolumeUsd * 10_000m;

    public MarkoutFigure? Markout(int seconds) => Markouts.FirstOrDefault(m => m.Seconds == seconds);

    /// <summary>Value equality, lists and counters included (two surfaces agree when their figures are equal).</summary>
    public bool Equals(LedgerFigures? other) =>
        other is not null
        && (Fills, TakerFills, StaleMidFills, Adjustments) == (other.Fills, other.TakerFills, other.StaleMidFills, other.Adjustments)
        && (VolumeUsd, Fees, SpreadCapture, InventoryPnl, RealizedPnl, UnrealizedPnl) == (other.VolumeUsd, other.Fees, other.SpreadCapture, other.InventoryPnl, other.RealizedPnl, other.UnrealizedPnl)
        && (Position, Mark, MaxAbsPosition, AbsPositionMs, WindowMs) == (other.Position, other.Mark, other.MaxAbsPosition, other.AbsPositionMs, other.WindowMs)
        && Markouts.SequenceEqual(other.Markouts)
        && Counters.Equals(other.Counters);

    public override int GetHashCode() => HashCode.Combine(Fills, VolumeUsd, SpreadCapture, InventoryPnl, Position, WindowMs);

    /// <summary>
    /// Several windows as one (the segments of a backtest, the runs of a journal): money, counts, time and markout
    /// sums add up; position and mark are the last window's; max |position| is the largest.
    /// </summary>
    public static LedgerFigures Combine(IReadOnlyList<LedgerFigures> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 1)
        {
            return parts[0];
        }

        var rejections = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (reason, count) in parts.SelectMany(p => p.Counters.Rejections))
        {
            rejections[reason] = rejections.GetValueOrDefault(reason) + count;
        }

        var last = parts.Count == 0 ? new LedgerFigures() : parts[^1];
        return new LedgerFigures
        {
            Fills = parts.Sum(p => p.Fills),
            TakerFills = parts.Sum(p => p.TakerFills),
            StaleMidFills = parts.Sum(p => p.StaleMidFills),
            Adjustments = parts.Sum(p => p.Adjustments),
            VolumeUsd = parts.Sum(p => p.VolumeUsd),
            Fees = parts.Sum(p => p.Fees),
            SpreadCapture = parts.Sum(p => p.SpreadCapture),
            InventoryPnl = parts.Sum(p => p.InventoryPnl),
            RealizedPnl = parts.Sum(p => p.RealizedPnl),
            UnrealizedPnl = parts.Sum(p => p.UnrealizedPnl),
            Position = last.Position,
            Mark = last.Mark,
            Markouts = [.. TradeLedger.MarkoutSeconds.Select(s => new MarkoutFigure(
                s,
                parts.Sum(p => p.Markout(s)?.Fills ?? 0),
                parts.Sum(p => p.Markout(s)?.PendingFills ?? 0),
                parts.Sum(p => p.Markout(s)?.PnlUsd ?? 0m),
                parts.Sum(p => p.Markout(s)?.NotionalUsd ?? 0m)))],
            MaxAbsPosition = parts.Count == 0 ? 0m : parts.Max(p => p.MaxAbsPosition),
            AbsPositionMs = parts.Sum(p => p.AbsPositionMs),
            WindowMs = parts.Sum(p => p.WindowMs),
            Counters = new LedgerCounters(
                parts.Sum(p => p.Counters.Requests),
                parts.Sum(p => p.Counters.Requotes),
                parts.Sum(p => p.Counters.OrdersPlaced),
                parts.Sum(p => p.Counters.FillPressureMs),
                parts.Sum(p => p.Counters.InvalidBooks),
                rejections),
        };
    }
}
