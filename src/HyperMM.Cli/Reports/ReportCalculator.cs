namespace HyperMM.Cli.Reports;

/// <summary>
/// Computes a strategy's metrics and PnL attribution from <see cref="StrategyReportData"/>.
/// <para>
/// PnL attribution. Let fill i have signed size q_i (+buy, −sell), price p_i and mid m_i at the time, and let m_t
/// be the mid path (every quote sample and every fill's mid, in time order), ending at the mark mid M.
/// Spread capture S = Σ q_i·(m_i − p_i) (what we earned against the mid at the moment of each fill);
/// inventory PnL I = Σ_t pos_t·(m_{t+1} − m_t) (what holding the position earned as the mid moved);
/// fees F = Σ fee_i. Then <b>S + I − F = total PnL</b> = realised + unrealised − fees, because
/// S + I = −Σ q_i·p_i + pos_end·M − pos_0·m_0 (summation by parts), which is the trading cash flow plus the
/// position marked at M. A position held when the window opens is treated as bought at the first mid m_0.
/// Realised PnL uses the average-cost method; unrealised = pos_end·(M − average cost).
/// </para>
/// </summary>
public static class ReportCalculator
{
    public static StrategyReport Compute(StrategyReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var fills = data.Fills;
        var marks = MidPath(data);
        var startPosition = fills.Count == 0 ? 0m : fills[0].PositionAfter - fills[0].SignedSize;

        // Spread capture, inventory PnL, fees, walked along the mid path. Fills sit on the path at their own mid,
        // so a fill changes the position exactly where its mid is observed.
        var pnl = new List<PnlPoint>(marks.Count);
        decimal spread = 0m, inventory = 0m, fees = 0m;
        var position = startPosition;
        var lastMid = marks.Count == 0 ? 0m : marks[0].Mid;
        foreach (var mark in marks)
        {
            inventory += position * (mark.Mid - lastMid);
            lastMid = mark.Mid;
            if (mark.Fill is { } f)
            {
                spread += f.SignedSize * (f.MidAtFill - f.Price);
                fees += f.Fee;
                position += f.SignedSize;
            }

            pnl.Add(new PnlPoint(mark.TimeMs, spread, inventory, fees));
        }

        var markMid = lastMid;
        var (realized, averageCost, endPosition) = AverageCost(fills, startPosition, marks.Count == 0 ? 0m : marks[0].Mid);
        var unrealized = endPosition * (markMid - averageCost);
        var volume = fills.Sum(f => f.Price * f.Size);
        var window = Math.Max(0, data.ToMs - data.FromMs) / 1000.0;
        var pressure = SecondsInFillPressure(data.Quotes, data.ToMs);

        var metrics = new StrategyMetrics(
            data.Name,
            data.Coin,
            fills.Count,
            fills.Count(f => f.Taker),
            volume,
            realized,
            unrealized,
            fees,
            spread,
            fills.Count == 0 ? 0m : spread / fills.Count,
            volume == 0m ? 0 : (double)(spread / volume) * 10_000,
            inventory,
            spread + inventory - fees,
            endPosition,
            markMid,
            data.Inventory.Count == 0 ? Math.Abs(endPosition) : data.Inventory.Max(s => Math.Abs(s.Position)),
            TimeWeightedAbsInventory(data.Inventory, data.ToMs),
            window <= 0 ? 0 : fills.Count / (window / 3600.0),
            data.OrdersPlaced == 0 ? 0 : (double)fills.Count / data.OrdersPlaced,
            MedianGapSeconds(fills),
            pressure,
            window <= 0 ? 0 : pressure / window,
            window,
            data.Rejections,
            data.OrdersPlaced,
            data.RequestsUsed);
        return new StrategyReport(data, metrics, pnl);
    }

    /// <summary>Realised PnL by average cost, the average cost of what is still held, and the final position.</summary>
    public static (decimal Realized, decimal AverageCost, decimal Position) AverageCost(IReadOnlyList<ReportFill> fills, decimal startPosition, decimal startPrice)
    {
        ArgumentNullException.ThrowIfNull(fills);
        var position = startPosition;
        var cost = startPosition == 0m ? 0m : startPrice;
        var realized = 0m;
        foreach (var f in fills)
        {
            var q = f.SignedSize;
            if (position == 0m || Math.Sign(position) == Math.Sign(q))
            {
                cost = ((cost * Math.Abs(position)) + (f.Price * f.Size)) / (Math.Abs(position) + f.Size);
                position += q;
                continue;
            }

            var closing = Math.Min(Math.Abs(position), f.Size);
            realized += closing * (f.Price - cost) * Math.Sign(position);
            position += q;
            if (position == 0m)
            {
                cost = 0m;
            }
            else if (Math.Sign(position) == Math.Sign(q))
            {
                cost = f.Price; // flipped through zero: the remainder opened at this fill's price
            }
        }

        return (realized, cost, position);
    }

    /// <summary>|position| averaged over time from the first sample to <paramref name="toMs"/> (step function).</summary>
    public static double TimeWeightedAbsInventory(IReadOnlyList<InventorySample> samples, long toMs)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            return 0;
        }

        var start = samples[0].TimeMs;
        var total = Math.Max(toMs, samples[^1].TimeMs) - start;
        if (total <= 0)
        {
            return (double)Math.Abs(samples[^1].Position);
        }

        double area = 0;
        for (var i = 0; i < samples.Count; i++)
        {
            var end = i + 1 < samples.Count ? samples[i + 1].TimeMs : Math.Max(toMs, samples[i].TimeMs);
            area += (double)Math.Abs(samples[i].Position) * (end - samples[i].TimeMs);
        }

        return area / total;
    }

    /// <summary>Seconds during which the quote samples say fill pressure was on (each sample holds until the next).</summary>
    public static double SecondsInFillPressure(IReadOnlyList<QuoteSample> quotes, long toMs)
    {
        ArgumentNullException.ThrowIfNull(quotes);
        long ms = 0;
        for (var i = 0; i < quotes.Count; i++)
        {
            if (quotes[i].Mode != QuoteSample.FillPressureMode)
            {
                continue;
            }

            var end = i + 1 < quotes.Count ? quotes[i + 1].TimeMs : Math.Max(toMs, quotes[i].TimeMs);
            ms += end - quotes[i].TimeMs;
        }

        return ms / 1000.0;
    }

    /// <summary>Median gap between consecutive fills in seconds, or null with fewer than two fills.</summary>
    public static double? MedianGapSeconds(IReadOnlyList<ReportFill> fills)
    {
        ArgumentNullException.ThrowIfNull(fills);
        if (fills.Count < 2)
        {
            return null;
        }

        var gaps = new double[fills.Count - 1];
        for (var i = 1; i < fills.Count; i++)
        {
            gaps[i - 1] = (fills[i].TimeMs - fills[i - 1].TimeMs) / 1000.0;
        }

        Array.Sort(gaps);
        var mid = gaps.Length / 2;
        return gaps.Length % 2 == 1 ? gaps[mid] : (gaps[mid - 1] + gaps[mid]) / 2;
    }

    /// <summary>Every mid observation in time order: quote samples and fills (a fill after a quote at the same ms).</summary>
    private static List<(long TimeMs, decimal Mid, ReportFill? Fill)> MidPath(StrategyReportData data)
    {
        var path = new List<(long TimeMs, decimal Mid, ReportFill? Fill, int Order)>(data.Quotes.Count + data.Fills.Count);
        path.AddRange(data.Quotes.Where(q => q.Mid > 0m).Select((q, i) => (q.TimeMs, q.Mid, (ReportFill?)null, i)));
        path.AddRange(data.Fills.Select((f, i) => (f.TimeMs, f.MidAtFill > 0m ? f.MidAtFill : f.Price, (ReportFill?)f, data.Quotes.Count + i)));
        return path.OrderBy(p => p.TimeMs).ThenBy(p => p.Order).Select(p => (p.TimeMs, p.Mid, p.Fill)).ToList();
    }
}
