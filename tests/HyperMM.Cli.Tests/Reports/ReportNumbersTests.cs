using HyperMM.Cli.Reports;
using HyperMM.Core.Accounting;

namespace HyperMM.Cli.Tests.Reports;

/// <summary>
/// Report numbers against a small journal whose every value is computed by hand below.
/// mm_eth_perp, times in seconds after T0:
///   quotes: t0 mid 2000 (bid 1999 / ask 2001, 10 bps), t20 mid 2002, t40 mid 2001 (fill pressure, stage 1),
///           t70 mid 2004, t80 mid 2004
///   fills:  t10 BUY 1 @ 1999 (mid 2000, fee 0.2) pos → 1
///           t30 SELL 0.5 @ 2003 (mid 2002, fee 0.1) pos → 0.5
///           t60 SELL 1 @ 2002 (mid 2001, fee 0.2, taker) pos → −0.5
///   snapshots: t0 pos 0 cap 2 requests 0; t80 pos −0.5 cap 2 requests 12, 30 s in fill pressure so far
///   orders: 6 placed resting, 2 rejected PostOnlyWouldCross, 1 rejected MinNotional, 3 cancels.
/// </summary>
public sealed class ReportNumbersTests : IDisposable
{
    private readonly TestJournal _journal = new();

    public ReportNumbersTests()
    {
        const string S = "mm_eth_perp";
        _journal.Quote(S, 0, 2000m, 1999m, 2001m, 10.0, 0);
        _journal.Quote(S, 20, 2002m, 2001m, 2003m, 10.0, 0);
        _journal.Quote(S, 40, 2001m, 2000.5m, 2001.5m, 5.0, 1);
        _journal.Quote(S, 70, 2004m, 2003m, 2005m, 10.0, 0);
        _journal.Quote(S, 80, 2004m, 2003m, 2005m, 10.0, 0);
        _journal.Fill(S, "ETH", 1, 10, "B", 1999m, 1m, 0.2m, 2000m, 1m);
        _journal.Fill(S, "ETH", 2, 30, "A", 2003m, 0.5m, 0.1m, 2002m, 0.5m);
        _journal.Fill(S, "ETH", 3, 60, "A", 2002m, 1m, 0.2m, 2001m, -0.5m, crossed: true);
        _journal.Snapshot(S, "ETH", 0, 0m, 2m, 0);
        _journal.Snapshot(S, "ETH", 80, -0.5m, 2m, 12);
        _journal.Exec("UPDATE snapshots SET fill_pressure_ms = 30000 WHERE time_ms = " + (TestJournal.T0 + 80_000));
        for (var i = 0; i < 6; i++)
        {
            _journal.Order(S, 5 + i, "place", "resting");
        }

        _journal.Order(S, 12, "place", "rejected", "PostOnlyWouldCross");
        _journal.Order(S, 13, "place", "rejected", "PostOnlyWouldCross");
        _journal.Order(S, 14, "place", "rejected", "MinNotional");
        for (var i = 0; i < 3; i++)
        {
            _journal.Order(S, 15 + i, "cancel", "cancelled");
        }

        // Another strategy in the same journal must not leak into mm_eth_perp's numbers.
        _journal.Fill("mm_btc_perp", "BTC", 1, 15, "B", 90_000m, 0.001m, 0.02m, 90_010m, 0.001m);
        _journal.Snapshot("mm_btc_perp", "BTC", 15, 0.001m, 0.01m, 4);
    }

    public void Dispose() => _journal.Dispose();

    private LedgerFigures Eth(long? from = null, long? to = null) => EthReport(from, to).Figures.Figures;

    private StrategyReport EthReport(long? from = null, long? to = null)
    {
        using var source = new JournalReportSource(_journal.Path_);
        var data = source.Load("mm_eth_perp", from, to);
        return ReportCalculator.Compute(Assert.Single(data.Strategies));
    }

    [Fact]
    public void Volume_Fees_Fills()
    {
        var m = Eth();
        Assert.Equal(3, m.Fills);
        Assert.Equal(1, m.TakerFills);   // the t60 sell crossed the spread
        Assert.Equal(5002.5m, m.VolumeUsd); // 1999·1 + 2003·0.5 + 2002·1 = 1999 + 1001.5 + 2002
        Assert.Equal(0.5m, m.Fees);      // 0.2 + 0.1 + 0.2
    }

    [Fact]
    public void SpreadCapture_IsEdgeAgainstMidAtEachFill()
    {
        var m = Eth();
        // buy 1 @ 1999 vs mid 2000: +1.0; sell 0.5 @ 2003 vs 2002: +0.5; sell 1 @ 2002 vs 2001: +1.0 → 2.5
        Assert.Equal(2.5m, m.SpreadCapture);
        Assert.Equal(2.5m / 5002.5m * 10_000m, m.SpreadCaptureBps); // 4.99750... bps of volume
    }

    [Fact]
    public void InventoryPnl_IsPositionTimesMidMoves()
    {
        var m = Eth();
        // pos 0 over 2000→2000 (t0→t10); pos 1 over 2000→2002 (t10→t20): +2; 2002→2002 (t20→t30): 0;
        // pos 0.5 over 2002→2001 (t30→t40): −0.5; 2001→2001 (t40→t60): 0; pos −0.5 over 2001→2004 (t60→t70): −1.5;
        // 2004→2004: 0. Total 2 − 0.5 − 1.5 = 0.
        Assert.Equal(0m, m.InventoryPnl);
        Assert.Equal(2004m, m.Mark);
        Assert.Equal(-0.5m, m.Position);
    }

    [Fact]
    public void RealisedAndUnrealised_ByAverageCost_AndTheIdentityHolds()
    {
        var m = Eth();
        // buy 1 @ 1999 → avg 1999. sell 0.5 @ 2003: realised 0.5·(2003 − 1999) = 2.0.
        // sell 1 @ 2002: closes 0.5: realised += 0.5·(2002 − 1999) = 1.5 → 3.5; the other 0.5 opens short @ 2002.
        // unrealised = −0.5·(2004 − 2002) = −1.0. Gross 2.5 = spread 2.5 + inventory 0. Net = 2.5 − 0.5 = 2.0.
        Assert.Equal(3.5m, m.RealizedPnl);
        Assert.Equal(-1.0m, m.UnrealizedPnl);
        Assert.Equal(2.0m, m.TotalPnl);
        Assert.Equal(m.RealizedPnl + m.UnrealizedPnl - m.Fees, m.SpreadCapture + m.InventoryPnl - m.Fees);
        // Cross-check by cash flow: −1999 + 1001.5 + 2002 = 1004.5 cash; −0.5 · 2004 = −1002 held; 2.5 − 0.5 fees = 2.0.
    }

    [Fact]
    public void Inventory_Max_TimeWeighted()
    {
        var m = Eth();
        // samples: t0 0 (snapshot), t10 1, t30 0.5, t60 −0.5 (fills), t80 −0.5 (snapshot); window t0..t80.
        // ∫|pos| = 0·10 + 1·20 + 0.5·30 + 0.5·20 = 45 → 45 / 80 = 0.5625
        Assert.Equal(1m, m.MaxAbsPosition);
        Assert.Equal(0.5625m, m.TimeWeightedAbsPosition);
        Assert.Equal(80_000, m.WindowMs);
    }

    [Fact]
    public void FillRate_Gaps_FillPressure_Rejections_Requests()
    {
        var m = Eth();
        Assert.Equal(135, m.FillsPerHour, 9);         // 3 fills in 80 s = 3 · 3600 / 80
        Assert.Equal(9, m.Counters.OrdersPlaced);        // 6 resting + 3 rejected; cancels are not placements
        Assert.Equal(1.0 / 3, m.FillsPerOrder, 12);      // 3 / 9
        Assert.Equal(30_000, m.Counters.FillPressureMs); // the strategy's own counter, from the last snapshot
        Assert.Equal(0.375, m.FillPressureFraction, 12); // 30 / 80
        Assert.Equal([new("PostOnlyWouldCross", 2), new KeyValuePair<string, long>("MinNotional", 1)], m.Counters.RejectionsRanked);
        Assert.Equal(12, m.Counters.Requests);           // snapshot counter 0 → 12 in run 1
    }

    [Fact]
    public void CumulativePnl_EndsAtTheTotals_AndSplitsAtEachPoint()
    {
        var r = EthReport();
        var last = r.Pnl[^1];
        Assert.Equal(2.5m, last.SpreadCapture);
        Assert.Equal(0m, last.InventoryPnl);
        Assert.Equal(2.0m, last.Total);
        // At t20 (mid 2002, holding 1 since t10 at mid 2000): spread 1.0, inventory 2.0, fees 0.2 → total 2.8
        var t20 = r.Pnl.Single(p => p.TimeMs == TestJournal.T0 + 20_000);
        Assert.Equal((1.0m, 2.0m, 0.2m, 2.8m), (t20.SpreadCapture, t20.InventoryPnl, t20.Fees, t20.Total));
    }

    [Fact]
    public void TimeWindow_KeepsOnlyWhatFallsInside()
    {
        // t25..t65: fills at t30 and t60; quotes at t40. Position held at t25 = 1, taken over at the last mid before
        // the window (2002, quoted at t20). Spread: 0.5 + 1.0 = 1.5.
        // Inventory: pos 1 over 2002→2002: 0; pos 0.5 over 2002→2001 (t40): −0.5; 2001→2001 (t60): 0. → −0.5
        // Realised: sell 0.5 @ 2003 vs cost 2002: +0.5; sell 1 @ 2002: closes 0.5 at 0 → 0.5; short 0.5 @ 2002.
        // Unrealised: −0.5·(2001 − 2002) = +0.5. Gross 1.0 = 1.5 − 0.5.
        var m = Eth(TestJournal.T0 + 25_000, TestJournal.T0 + 65_000);
        Assert.Equal(2, m.Fills);
        Assert.Equal(1.5m, m.SpreadCapture);
        Assert.Equal(-0.5m, m.InventoryPnl);
        Assert.Equal(0.5m, m.RealizedPnl);
        Assert.Equal(0.5m, m.UnrealizedPnl);
        Assert.Equal(1.0m - 0.3m, m.TotalPnl);
        Assert.Equal(40_000, m.WindowMs);
    }

    [Fact]
    public void AllStrategies_AreReported_Separately()
    {
        using var source = new JournalReportSource(_journal.Path_);
        var data = source.Load(null, null, null);
        Assert.Equal(["mm_btc_perp", "mm_eth_perp"], data.Strategies.Select(s => s.Name));
        var btc = ReportCalculator.Compute(data.Strategies[0]).Figures.Figures;
        Assert.Equal(1, btc.Fills);
        Assert.Equal(90m, btc.VolumeUsd);        // 90000 · 0.001
        Assert.Equal(0.01m, btc.SpreadCapture);  // (90010 − 90000) · 0.001
        Assert.StartsWith("run 1 (local", data.RunLabel, StringComparison.Ordinal);
    }
}
